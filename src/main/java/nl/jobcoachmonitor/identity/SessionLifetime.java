package nl.jobcoachmonitor.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a session ({@code jcm.security.session-lifetime}, 12 hours by default), besides the idle
 * timeout: a session in use all the time still ends then. Measured with the application's clock from the sign-in (see
 * {@link SignIn}), or for a personal link's session from the link's opening ({@link PersonalLinkGuard#enter}). A session
 * with neither (the login page's, before sign-in) carries no rights and gets no lifetime: stamping it on any request
 * would have the page's parallel requests (styles, scripts) add the same session attribute at once, which Spring
 * Session JDBC refuses (duplicate key). An ended session is
 * invalidated; a page request goes to the login page ({@code /login?expired}), an API request gets 401.
 */
class SessionLifetime extends OncePerRequestFilter {

    /** Session attribute: when the session's lifetime began (an {@link Instant}). */
    static final String STARTED = "jcm.session.started";

    private final Clock clock;
    private final Duration lifetime;

    SessionLifetime(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Starts the lifetime anew: at sign-in, so that time spent on the login page does not count. */
    static void start(HttpSession session, Clock clock) {
        session.setAttribute(STARTED, clock.instant());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (session.getAttribute(STARTED) instanceof Instant started
                    && !clock.instant().isBefore(started.plus(lifetime))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

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
 * {@link SignIn}), or for a session without one (a personal link's) from its first request. An ended session is
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
        try {
            chain.doFilter(request, response);
        } finally {
            stamp(request);
        }
    }

    /** A session made or used by this request without a start gets one now. */
    private void stamp(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(STARTED) == null) {
                start(session, clock);
            }
        } catch (IllegalStateException invalidated) {
            // the request ended its session (a logout): nothing to stamp
        }
    }
}

package nl.jobcoachmonitor.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every page opened by a personal link (questionnaire, own data, assessment) shares: no caching and no referrer, the token
 * exchanged for a fresh session, and throttled guessing. Failed link openings from one address, whichever kind of
 * link, count together: after {@code jcm.questionnaire.max-failed-links-per-address} (20 by default) the address must
 * wait {@link #GUESSING_BLOCK} (429), also with a good link.
 */
@Component
public class PersonalLinkGuard {

    public static final Duration GUESSING_BLOCK = Duration.ofMinutes(5);

    /** The page an address that must wait gets, whichever kind of link it tried. */
    public static final String THROTTLED_VIEW = "measurement/link-throttled";

    private final FailureThrottle guessing;
    private final int maxFailedLinks;
    private final Clock clock;

    PersonalLinkGuard(FailureThrottles throttles, Clock clock,
            @Value("${jcm.questionnaire.max-failed-links-per-address:20}") int maxFailedLinks) {
        this.guessing = throttles.named("personal-link", GUESSING_BLOCK, clock);
        this.maxFailedLinks = maxFailedLinks;
        this.clock = clock;
    }

    /** Nothing of the page is cached, and it tells no other site where the person came from. */
    public static void privateHeaders(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    /** Whether this address must wait; if so the response is already 429 with Retry-After. */
    public boolean blocked(HttpServletRequest request, HttpServletResponse response) {
        if (!guessing.blocked(key(request), maxFailedLinks)) {
            return false;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(GUESSING_BLOCK.toSeconds()));
        return true;
    }

    /** A link that did not open: counts towards the address's limit. */
    public void failed(HttpServletRequest request) {
        guessing.failed(key(request));
    }

    /**
     * Opens a personal link: an address that must wait gets {@code throttledView} (429); a token that finds no link
     * gets {@code invalidView} with 404 and counts towards the address's limit; a good one puts the link's id in a fresh
     * session under {@code sessionKey} and gets {@code startView}, which moves on without the token in the address.
     */
    public String open(HttpServletRequest request, HttpServletResponse response, Supplier<Optional<?>> link,
            String sessionKey, String startView, String invalidView) {
        if (blocked(request, response)) {
            return THROTTLED_VIEW;
        }
        var found = link.get();
        if (found.isEmpty()) {
            failed(request);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return invalidView;
        }
        enter(request, sessionKey, found.get());
        return startView;
    }

    /** The link's id in a fresh session (a new session id, so that no earlier id can be fixated on it). */
    public void enter(HttpServletRequest request, String sessionKey, Object linkId) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        var session = request.getSession(true);
        session.setAttribute(sessionKey, linkId);
        SessionLifetime.start(session, clock);
    }

    /** The id of the link this session was opened by ({@link #enter}), if any. */
    public static Optional<Long> entered(HttpServletRequest request, String sessionKey) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(sessionKey) instanceof Long id ? Optional.of(id)
                : Optional.empty();
    }

    /** The session no longer holds a link (used, replaced or refused). */
    public static void leave(HttpServletRequest request, String sessionKey) {
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(sessionKey);
        }
    }

    private static String key(HttpServletRequest request) {
        return "a:" + request.getRemoteAddr();
    }
}

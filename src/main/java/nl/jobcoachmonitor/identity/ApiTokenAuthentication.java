package nl.jobcoachmonitor.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API's personal access tokens ({@code Authorization: Bearer jcm_…}, see {@link ApiTokens}), in the API's
 * filter chain only: the web pages never look at the header. A request with a bearer token is decided here (it never
 * falls back to HTTP Basic): an unknown token is a guess and counts against the address in the {@link LoginThrottle},
 * with password guesses (after {@value LoginThrottle#MAX_FAILURES_PER_ADDRESS} the address gets 429 for five minutes);
 * a revoked or expired token, or one of a blocked account, answers 401.
 */
class ApiTokenAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    ApiTokenAuthentication(ApiTokens tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** A request authenticated by a token; {@code withSecondFactor}: the second factor was asked when it was made. */
    static final class Authenticated extends AbstractAuthenticationToken {

        private final CurrentUser user;
        private final boolean withSecondFactor;

        Authenticated(CurrentUser user, boolean withSecondFactor) {
            super(user.getAuthorities());
            this.user = user;
            this.withSecondFactor = withSecondFactor;
            setAuthenticated(true);
        }

        boolean withSecondFactor() {
            return withSecondFactor;
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public CurrentUser getPrincipal() {
            return user;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        if (throttle.isAddressBlocked(address)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(LoginThrottle.BLOCK.toSeconds()));
            response.sendError(429);
            return;
        }
        var outcome = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (outcome instanceof ApiTokens.Accepted accepted) {
            accepted.user().eraseCredentials();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new Authenticated(accepted.user(), accepted.withSecondFactor()));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
            return;
        }
        if (outcome instanceof ApiTokens.Unknown) {
            throttle.failedFrom(address);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

}

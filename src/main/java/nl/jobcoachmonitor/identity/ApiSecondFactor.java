package nl.jobcoachmonitor.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON API's second factor: where the policy requires one, or the account has one, an API request (HTTP Basic)
 * carries the current code of the account's authenticator in the header {@value #HEADER}; without it, 401. (A code is
 * not used up here: an API client sends the same one for its 30 seconds.) A wrong code counts in the same
 * {@link SecondFactorThrottle} as the web's second step: after five, the account gets 429 with {@code Retry-After}
 * until the block has passed, whatever code it sends; the right password does not reset the count. A personal access
 * token made with the second factor ({@link ApiTokens}) needs no header: the code was asked when it was made.
 */
class ApiSecondFactor extends OncePerRequestFilter {

    static final String HEADER = "X-Second-Factor";

    private final SecondFactors factors;
    private final TwoFactorPolicy policy;
    private final SecondFactorThrottle throttle;

    ApiSecondFactor(SecondFactors factors, TwoFactorPolicy policy, SecondFactorThrottle throttle) {
        this.factors = factors;
        this.policy = policy;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ApiTokenAuthentication.Authenticated token && token.withSecondFactor()) {
            // the second factor was asked when the token was made (on the account page)
            chain.doFilter(request, response);
            return;
        }
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user
                && (policy.required() || factors.enrolled(user.id()))) {
            String code = request.getHeader(HEADER);
            if (throttle.blocked(user.id())) {
                SecurityContextHolder.clearContext();
                response.setHeader("Retry-After", String.valueOf(SecondFactorThrottle.BLOCK.toSeconds()));
                response.sendError(429);
                return;
            }
            if (!factors.isCurrentCode(user.id(), code)) {
                if (code != null && !code.isBlank()) {
                    // a code was given and it is wrong: a guess (a missing header is a client without a code)
                    throttle.failed(user.id());
                }
                SecurityContextHolder.clearContext();
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            throttle.succeeded(user.id());
        }
        chain.doFilter(request, response);
    }
}

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
 * not used up here: an API client sends the same one for its 30 seconds.)
 */
class ApiSecondFactor extends OncePerRequestFilter {

    static final String HEADER = "X-Second-Factor";

    private final SecondFactors factors;
    private final TwoFactorPolicy policy;

    ApiSecondFactor(SecondFactors factors, TwoFactorPolicy policy) {
        this.factors = factors;
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user
                && (policy.required() || factors.enrolled(user.id()))
                && !factors.isCurrentCode(user.id(), request.getHeader(HEADER))) {
            SecurityContextHolder.clearContext();
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }
}

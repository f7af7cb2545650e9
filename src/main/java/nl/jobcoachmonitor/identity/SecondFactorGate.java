package nl.jobcoachmonitor.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After the password alone, only the second step, the enrolment (if there is no second factor yet), the logout and
 * the static files: every other request goes to the second step (or the enrolment).
 */
public class SecondFactorGate extends OncePerRequestFilter {

    public static final String CODE_PAGE = "/login/code";
    public static final String ENROL_PAGE = "/account/two-factor";

    private static final List<String> OPEN = List.of("/logout", "/login", "/error", "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/assets/", "/webjars/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnly partial) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String step = partial.enrolled() ? CODE_PAGE : ENROL_PAGE;
            boolean open = path.equals(step) || OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
            if (!open) {
                response.sendRedirect(request.getContextPath() + step);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

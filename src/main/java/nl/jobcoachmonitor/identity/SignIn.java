package nl.jobcoachmonitor.identity;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The steps of a staff login. After the right password: with a second factor (or when the policy requires one) the
 * session holds only {@link PasswordOnly} and the user is sent to the code (or the enrolment); otherwise signed in,
 * with a prompt to enrol. After the right code (or a confirmed enrolment): fully signed in, in a new session id.
 */
@Component
public class SignIn implements AuthenticationSuccessHandler {

    /** Session attribute: signed in without a second factor where it is optional; the pages suggest enrolling. */
    public static final String PROMPT = "jcm.two-factor.prompt";

    private final SecondFactors factors;
    private final TwoFactorPolicy policy;
    private final SecurityContextRepository contexts;
    private final Clock clock;

    SignIn(SecondFactors factors, TwoFactorPolicy policy, SecurityContextRepository contexts, Clock clock) {
        this.factors = factors;
        this.policy = policy;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var user = (CurrentUser) authentication.getPrincipal();
        SessionLifetime.start(request.getSession(), clock);
        boolean enrolled = factors.enrolled(user.id());
        if (enrolled || policy.required()) {
            save(new PasswordOnly(user, enrolled), request, response);
            response.sendRedirect(request.getContextPath()
                    + (enrolled ? SecondFactorGate.CODE_PAGE : SecondFactorGate.ENROL_PAGE));
            return;
        }
        request.getSession().setAttribute(PROMPT, true);
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** The second factor is given: the staff member is signed in with their role, in a new session id. */
    public void complete(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        request.getSession().removeAttribute(PROMPT);
        save(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request, response);
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

package nl.jobcoachmonitor.identity.web;

import java.util.Optional;

import nl.jobcoachmonitor.identity.AccountInvitations;
import nl.jobcoachmonitor.identity.PersonalLinkGuard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A new staff member sets their own password by the invitation link, without being signed in. As with every personal
 * link ({@link PersonalLinkGuard}): {@code /invitation/{token}} exchanges the token for a fresh session and moves on to
 * {@code /invitation} without it, guessing is throttled, the pages are sent with no referrer and no caching, and an
 * unknown, used, expired or replaced link, or one of a blocked account, gets the same 404 page, which says nothing of
 * whether an account exists. The password is set once (the invitation is used up in the same transaction), for a new
 * account or as a reset of a forgotten one, and the account's other sessions end; then the usual login follows (with the second factor's enrolment where it is required).
 */
@Controller
class AccountInvitationController {

    static final String SESSION_KEY = "jcm.account.invitation";
    static final String INVALID = "identity/invitation-invalid";

    static final int MIN_PASSWORD = 12;

    /** The password twice, at least {@link #MIN_PASSWORD} characters. */
    record PasswordForm(@NotBlank @Size(min = MIN_PASSWORD, max = 200) String password,
            String repeat) {
    }

    private final AccountInvitations invitations;
    private final PersonalLinkGuard guard;
    private final PasswordEncoder encoder;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountInvitationController(AccountInvitations invitations, PersonalLinkGuard guard, PasswordEncoder encoder,
            FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.invitations = invitations;
        this.sessions = sessions;
        this.guard = guard;
        this.encoder = encoder;
    }

    @ModelAttribute
    void privateHeaders(HttpServletResponse response) {
        PersonalLinkGuard.privateHeaders(response);
    }

    @GetMapping("/invitation/{token}")
    String exchange(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        return guard.open(request, response, () -> invitations.exchange(token).map(AccountInvitations.Invitation::id),
                SESSION_KEY, "identity/invitation-start", INVALID);
    }

    @GetMapping("/invitation")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        var invitation = invitationOf(request).flatMap(invitations::open);
        if (invitation.isEmpty()) {
            return forget(request, response);
        }
        model.addAttribute("username", invitation.get().username());
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        return "identity/invitation";
    }

    @PostMapping("/invitation")
    String submit(@Validated @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        var invitation = invitationOf(request).flatMap(invitations::open);
        if (invitation.isEmpty()) {
            return forget(request, response);
        }
        if (!result.hasFieldErrors("password") && !form.password().equals(form.repeat())) {
            result.rejectValue("repeat", "invitation.password.different");
        }
        if (result.hasErrors()) {
            model.addAttribute("username", invitation.get().username());
            return "identity/invitation";
        }
        if (!invitations.accept(invitation.get().id(), encoder.encode(form.password()))) {
            return forget(request, response);
        }
        // as after any change of password: the user's open sessions end (a reset because of a stolen password must
        // not leave the thief signed in); this anonymous invitation session has no principal and is not among them
        sessions.findByPrincipalName(invitation.get().username()).keySet().forEach(sessions::deleteById);
        forget(request);
        return "redirect:/login?passwordSet";
    }

    private static Optional<Long> invitationOf(HttpServletRequest request) {
        return PersonalLinkGuard.entered(request, SESSION_KEY);
    }

    private static void forget(HttpServletRequest request) {
        PersonalLinkGuard.leave(request, SESSION_KEY);
    }

    private static String forget(HttpServletRequest request, HttpServletResponse response) {
        forget(request);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return INVALID;
    }
}

package nl.jobcoachmonitor.identity.web;

import java.time.Duration;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PasswordOnly;
import nl.jobcoachmonitor.identity.SecondFactorGate;
import nl.jobcoachmonitor.identity.SecondFactorThrottle;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.identity.SignIn;
import nl.jobcoachmonitor.identity.TwoFactorPolicy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor authentication of staff: the second login step (a code from the authenticator app, or a recovery code)
 * and the enrolment (the secret as text and QR code, confirmed by a first code, then the recovery codes, once).
 * Wrong codes are throttled per account ({@link SecondFactorThrottle}, shared with the JSON API): after
 * {@value #MAX_FAILURES} the account waits {@link #BLOCK}.
 */
@Controller
class TwoFactorController {

    static final int MAX_FAILURES = SecondFactorThrottle.MAX_FAILURES;
    static final Duration BLOCK = SecondFactorThrottle.BLOCK;
    private static final String ISSUER = "Jobcoach Monitor";

    private final SecondFactors factors;
    private final SignIn signIn;
    private final TwoFactorPolicy policy;
    private final SecondFactorThrottle failures;

    TwoFactorController(SecondFactors factors, SignIn signIn, TwoFactorPolicy policy, SecondFactorThrottle failures) {
        this.factors = factors;
        this.signIn = signIn;
        this.policy = policy;
        this.failures = failures;
    }

    /** Nothing of these pages (secrets, codes) is cached. */
    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping(SecondFactorGate.CODE_PAGE)
    String codePage(Authentication authentication) {
        return authentication instanceof PasswordOnly ? "identity/login-code" : "redirect:/";
    }

    @PostMapping(SecondFactorGate.CODE_PAGE)
    String code(Authentication authentication, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!(authentication instanceof PasswordOnly partial) || !partial.enrolled()) {
            return "redirect:/";
        }
        var user = partial.getPrincipal();
        if (failures.blocked(user.id())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", "twoFactor.throttled");
            return "identity/login-code";
        }
        var outcome = factors.verify(user.id(), code);
        if (outcome == SecondFactors.Outcome.REFUSED) {
            failures.failed(user.id());
            model.addAttribute("error", "twoFactor.code.wrong");
            return "identity/login-code";
        }
        failures.succeeded(user.id());
        signIn.complete(user, request, response);
        if (outcome == SecondFactors.Outcome.RECOVERY_CODE) {
            redirect.addFlashAttribute("recoveryCodesLeft", factors.recoveryCodesLeft(user.id()));
            return "redirect:" + SecondFactorGate.ENROL_PAGE;
        }
        return "redirect:/";
    }

    @GetMapping(SecondFactorGate.ENROL_PAGE)
    String enrolPage(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(user, model);
    }

    @PostMapping(SecondFactorGate.ENROL_PAGE)
    String confirm(@AuthenticationPrincipal CurrentUser user, Authentication authentication,
            @RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (failures.blocked(user.id())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", "twoFactor.throttled");
            return page(user, model);
        }
        var codes = factors.confirm(user.id(), code);
        if (codes.isEmpty()) {
            failures.failed(user.id());
            model.addAttribute("error", "twoFactor.code.wrong");
            return page(user, model);
        }
        failures.succeeded(user.id());
        if (authentication instanceof PasswordOnly) {
            signIn.complete(user, request, response);
        } else {
            request.getSession().removeAttribute(SignIn.PROMPT);
        }
        model.addAttribute("recoveryCodes", codes.get());
        return "identity/two-factor";
    }

    /** New recovery codes, with a current code of the app; shown once, the old ones void. */
    @PostMapping(SecondFactorGate.ENROL_PAGE + "/recovery-codes")
    String renewRecoveryCodes(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
            Model model, HttpServletResponse response) {
        if (failures.blocked(user.id())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", "twoFactor.throttled");
            return page(user, model);
        }
        var codes = factors.renewRecoveryCodes(user.id(), code);
        if (codes.isEmpty()) {
            failures.failed(user.id());
            model.addAttribute("error", "twoFactor.code.wrong");
            return page(user, model);
        }
        failures.succeeded(user.id());
        model.addAttribute("recoveryCodes", codes.get());
        model.addAttribute("renewed", true);
        return "identity/two-factor";
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("required", policy.required());
        var secret = factors.pendingSecret(user.id());
        if (secret.isEmpty()) {
            model.addAttribute("enrolled", true);
            model.addAttribute("recoveryCodesLeft", factors.recoveryCodesLeft(user.id()));
            return "identity/two-factor";
        }
        String uri = "otpauth://totp/" + encode(ISSUER + ":" + user.getUsername()) + "?secret=" + secret.get()
                + "&issuer=" + encode(ISSUER) + "&algorithm=SHA1&digits=6&period=30";
        model.addAttribute("secret", secret.get().replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qr", QrCode.dataUri(uri));
        return "identity/two-factor";
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package nl.jobcoachmonitor.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import nl.jobcoachmonitor.identity.AccessAction;
import nl.jobcoachmonitor.identity.ApiTokens;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.PasswordOnly;
import nl.jobcoachmonitor.identity.SecondFactorGate;
import nl.jobcoachmonitor.identity.SecondFactorThrottle;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.identity.SignIn;
import nl.jobcoachmonitor.identity.TwoFactorPolicy;
import nl.jobcoachmonitor.shared.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page: two-factor authentication of staff (the second login step with a code from the authenticator app
 * or a recovery code; the enrolment: the secret as text and QR code, confirmed by a first code, then the recovery
 * codes, once) and, for the roles that use the JSON API, its personal access tokens (made with a current code, shown once,
 * listed, revoked; creation and revocation are in the access log as account administration).
 * Wrong codes are throttled per account ({@link SecondFactorThrottle}, shared with the JSON API): after
 * {@value #MAX_FAILURES} the account waits {@link #BLOCK}.
 */
@Controller
class TwoFactorController {

    static final int MAX_FAILURES = SecondFactorThrottle.MAX_FAILURES;
    static final Duration BLOCK = SecondFactorThrottle.BLOCK;
    private static final String ISSUER = "Jobcoach Monitor";
    static final String TOKENS = "/account/api-tokens";

    private final SecondFactors factors;
    private final SignIn signIn;
    private final TwoFactorPolicy policy;
    private final SecondFactorThrottle failures;
    private final ApiTokens tokens;
    private final PersonalDataAccess access;
    private final Clock clock;

    TwoFactorController(SecondFactors factors, SignIn signIn, TwoFactorPolicy policy, SecondFactorThrottle failures,
            ApiTokens tokens, PersonalDataAccess access, Clock clock) {
        this.factors = factors;
        this.signIn = signIn;
        this.policy = policy;
        this.failures = failures;
        this.tokens = tokens;
        this.access = access;
        this.clock = clock;
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

    /**
     * A new personal access token for the JSON API: with a current code of the app when the account has a second
     * factor (used up, throttled with the other codes), so the token may stand in for the API's code header.
     */
    @PostMapping(TOKENS)
    String createToken(@AuthenticationPrincipal CurrentUser user,
            @Validated @ModelAttribute("apiTokenForm") ApiTokenForm form, BindingResult result, Model model,
            HttpServletResponse response) {
        requireApiRole(user);
        boolean enrolled = factors.enrolled(user.id());
        if (!enrolled && policy.required()) {
            return "redirect:" + SecondFactorGate.ENROL_PAGE;
        }
        if (form.expiresOn() != null && !tokens.allowedExpiry(form.expiresOn())) {
            result.rejectValue("expiresOn", "apiToken.expiresOn.range");
        }
        if (enrolled && failures.blocked(user.id())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            result.rejectValue("code", "twoFactor.throttled");
        } else if (enrolled && !result.hasErrors()) {
            if (factors.useCurrentCode(user.id(), form.code())) {
                failures.succeeded(user.id());
            } else {
                failures.failed(user.id());
                result.rejectValue("code", "twoFactor.code.wrong");
            }
        }
        if (result.hasErrors()) {
            return page(user, model);
        }
        var created = tokens.create(user.id(), form.name(), form.expiresOn(), enrolled);
        access.accountAdministered(AccessAction.CREATE, user.id() + ": api token " + created.id() + " created",
                user.organisationId());
        model.addAttribute("newToken", created.token());
        model.addAttribute("newTokenName", form.name().strip());
        model.addAttribute("apiTokenForm", ApiTokenForm.empty(LocalDate.now(clock)));
        return page(user, model);
    }

    /** Revokes one of the user's own tokens; another's (or an unknown id) is 404, logged. */
    @PostMapping(TOKENS + "/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        requireApiRole(user);
        if (!tokens.revoke(user.id(), id)) {
            throw new NotFoundException("api_token", id);
        }
        access.accountAdministered(AccessAction.CHANGE, user.id() + ": api token " + id + " revoked",
                user.organisationId());
        redirect.addFlashAttribute("tokenRevoked", true);
        return "redirect:" + SecondFactorGate.ENROL_PAGE + "#api-tokens";
    }

    /** Tokens are for the roles that may use the JSON API (coach, manager). */
    private static void requireApiRole(CurrentUser user) {
        if (!user.seesCaseContent()) {
            throw new NotFoundException("api_token", user.id());
        }
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("required", policy.required());
        if (user.seesCaseContent()) {
            model.addAttribute("apiTokens", tokens.of(user.id()));
            model.addAttribute("tokenNeedsCode", factors.enrolled(user.id()));
            model.addAttribute("tokenMaxDate", LocalDate.now(clock).plus(ApiTokens.MAX_LIFETIME));
            model.addAttribute("tokenMinDate", LocalDate.now(clock).plusDays(1));
            if (!model.containsAttribute("apiTokenForm")) {
                model.addAttribute("apiTokenForm", ApiTokenForm.empty(LocalDate.now(clock)));
            }
        }
        var secret = factors.pendingSecret(user.id());
        if (secret.isEmpty()) {
            model.addAttribute("enrolled", true);
            // "recoveryCodesLeft" comes only with the redirect after a login by recovery code (its message says so)
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

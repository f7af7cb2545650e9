package nl.jobcoachmonitor.identity.web;

import java.util.Map;

import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.identity.UserAccount;
import nl.jobcoachmonitor.identity.UserAccounts;
import nl.jobcoachmonitor.organisation.Named;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator manages staff accounts and roles. Sees no case content. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAccounts accounts;
    private final OrganisationManagement organisations;
    private final PasswordEncoder encoder;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SecondFactors factors;
    private final PersonalDataAccess access;

    UserAdminController(UserAccounts accounts, OrganisationManagement organisations, PasswordEncoder encoder,
            FindByIndexNameSessionRepository<? extends Session> sessions, SecondFactors factors,
            PersonalDataAccess access) {
        this.sessions = sessions;
        this.factors = factors;
        this.access = access;
        this.accounts = accounts;
        this.organisations = organisations;
        this.encoder = encoder;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", new UserForm("", "", "", Role.COACH, null, null, ""));
        }
        model.addAttribute("users", accounts.findAllByOrderByRoleAscDisplayNameAsc());
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.organisations());
        model.addAttribute("commissioners", organisations.commissioners());
        model.addAttribute("organisationNames", names(organisations.organisations()));
        model.addAttribute("commissionerNames", names(organisations.commissioners()));
        return "identity/users";
    }

    @PostMapping
    @Transactional
    String create(@Validated @ModelAttribute("userForm") UserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && accounts.existsByUsername(form.username().trim().toLowerCase())) {
            result.rejectValue("username", "user.username.taken");
        }
        if (!result.hasErrors()) {
            try {
                accounts.save(UserAccount.create(form.username(), encoder.encode(form.password()),
                        form.displayName().trim(), form.email(), form.role(), form.organisationId(),
                        form.commissionerId()));
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        if (result.hasErrors()) {
            return list(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        model.addAttribute("editUserForm", EditUserForm.of(account));
        return editPage(account, model);
    }

    @PostMapping("/{id}")
    @Transactional
    String update(@PathVariable long id, @Validated @ModelAttribute("editUserForm") EditUserForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        if (form.version() == null || !form.version().equals(account.getVersion())) {
            result.reject("user.conflict");
        }
        String password = form.newPassword() == null ? "" : form.newPassword().trim();
        if (!password.isEmpty() && password.length() < EditUserForm.MIN_PASSWORD) {
            result.rejectValue("newPassword", "user.password.tooShort");
        }
        if (!result.hasErrors()) {
            try {
                account.assign(form.role(), form.organisationId(), form.commissionerId());
                account.rename(form.displayName().trim(), form.email());
                if (!password.isEmpty()) {
                    account.changePasswordHash(encoder.encode(password));
                }
                accounts.save(account);
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                result.reject("user.conflict");
            }
        }
        if (result.hasErrors()) {
            return editPage(account, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    private String editPage(UserAccount account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("twoFactorEnrolled", factors.enrolled(account.getId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.organisations());
        model.addAttribute("commissioners", organisations.commissioners());
        return "identity/user-edit";
    }

    @PostMapping("/{id}/enabled")
    @Transactional
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        account.setEnabled(enabled);
        accounts.save(account);
        if (!enabled) {
            // A blocked account is logged out everywhere at once, not when its sessions time out.
            sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    /**
     * Resets a user's second factor (a lost phone): the user enrols anew at the next login, and their sessions end
     * now. Logged in the access log.
     */
    @PostMapping("/{id}/two-factor")
    @Transactional
    String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        factors.reset(id);
        access.changed("second_factor", "user:" + id, null);
        sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    private static Map<Long, String> names(java.util.List<Named> list) {
        return list.stream().collect(java.util.stream.Collectors.toMap(Named::id, Named::name));
    }
}

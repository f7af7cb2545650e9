package nl.jobcoachmonitor.identity.web;

import java.util.Map;

import nl.jobcoachmonitor.identity.AccessAction;
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

/**
 * The administrator manages staff accounts and roles. Sees no case content. Every change is in the access log (object
 * {@code app_user}, its id and what changed, never a password); a change of role, organisation or password and a block
 * end the user's sessions at once, so the old rights do not linger in an open browser.
 */
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
                var created = accounts.save(UserAccount.create(form.username(), encoder.encode(form.password()),
                        form.displayName().trim(), form.email(), form.role(), form.organisationId(),
                        form.commissionerId()));
                access.accountAdministered(AccessAction.CREATE, created.getId() + ": " + String.join(", ",
                        assignment(created.getRole(), created.getOrganisationId(), created.getCommissionerId())),
                        created.getOrganisationId());
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
                var role = account.getRole();
                var organisationId = account.getOrganisationId();
                var commissionerId = account.getCommissionerId();
                var displayName = account.getDisplayName();
                var email = account.getEmail();
                account.assign(form.role(), form.organisationId(), form.commissionerId());
                account.rename(form.displayName().trim(), form.email());
                if (!password.isEmpty()) {
                    account.changePasswordHash(encoder.encode(password));
                }
                accounts.save(account);
                // what changed, for the log: the rights' new values, the rest by name only (never a password)
                var changes = new java.util.ArrayList<String>();
                if (account.getRole() != role) {
                    changes.add("role=" + account.getRole());
                }
                if (!java.util.Objects.equals(account.getOrganisationId(), organisationId)) {
                    changes.add("organisation=" + account.getOrganisationId());
                }
                if (!java.util.Objects.equals(account.getCommissionerId(), commissionerId)) {
                    changes.add("commissioner=" + account.getCommissionerId());
                }
                boolean rights = !changes.isEmpty();
                if (!password.isEmpty()) {
                    changes.add("password");
                }
                if (!account.getDisplayName().equals(displayName)) {
                    changes.add("name");
                }
                if (!java.util.Objects.equals(account.getEmail(), email)) {
                    changes.add("email");
                }
                if (!changes.isEmpty()) {
                    String what = id + ": " + String.join(", ", changes);
                    access.accountAdministered(AccessAction.CHANGE, what, account.getOrganisationId());
                    if (organisationId != null && !organisationId.equals(account.getOrganisationId())) {
                        access.accountAdministered(AccessAction.CHANGE, what, organisationId); // the one it left
                    }
                }
                if (rights || !password.isEmpty()) {
                    endSessions(account);
                }
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
        access.accountAdministered(AccessAction.CHANGE, id + (enabled ? ": unblocked" : ": blocked"),
                account.getOrganisationId());
        if (!enabled) {
            // A blocked account is logged out everywhere at once, not when its sessions time out.
            endSessions(account);
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
        access.accountAdministered(AccessAction.CHANGE, id + ": second factor reset", account.getOrganisationId());
        endSessions(account);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    /** Ends all sessions of the account (Spring Session's index by principal name), wherever they are open. */
    private void endSessions(UserAccount account) {
        sessions.findByPrincipalName(account.getUsername()).keySet().forEach(sessions::deleteById);
    }

    private static java.util.List<String> assignment(Role role, Long organisationId, Long commissionerId) {
        var parts = new java.util.ArrayList<String>();
        parts.add("role=" + role);
        if (organisationId != null) {
            parts.add("organisation=" + organisationId);
        }
        if (commissionerId != null) {
            parts.add("commissioner=" + commissionerId);
        }
        return parts;
    }

    private static Map<Long, String> names(java.util.List<Named> list) {
        return list.stream().collect(java.util.stream.Collectors.toMap(Named::id, Named::name));
    }
}

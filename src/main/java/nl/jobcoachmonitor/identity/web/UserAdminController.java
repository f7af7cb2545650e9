package nl.jobcoachmonitor.identity.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import nl.jobcoachmonitor.identity.AccessAction;
import nl.jobcoachmonitor.identity.AccountInvitations;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.InvitationMailer;
import nl.jobcoachmonitor.identity.PersonalTokens;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.identity.UserAccount;
import nl.jobcoachmonitor.identity.UserAccounts;
import nl.jobcoachmonitor.organisation.Named;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.Like;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The administrator manages staff accounts and roles (searchable, paged). The administrator never sets or knows a
 * password: a new account gets an invitation to set its own, and a user who forgot theirs gets a new one-time link (a
 * password reset, the same {@link AccountInvitations} mechanism). No one blocks themselves, and the last enabled
 * administrator cannot be blocked or lose the role. Sees no case content. Every change is in the access log (object
 * {@code app_user}, its id and what changed, never a password); a change of role or organisation and a block end the
 * user's sessions at once, so the old rights do not linger in an open browser.
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
    private final AccountInvitations invitations;
    private final InvitationMailer mailer;
    private final String publicUrl;

    static final int PAGE_SIZE = 25;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    UserAdminController(UserAccounts accounts, OrganisationManagement organisations, PasswordEncoder encoder,
            FindByIndexNameSessionRepository<? extends Session> sessions, SecondFactors factors,
            PersonalDataAccess access, AccountInvitations invitations, InvitationMailer mailer,
            @Value("${jcm.public-url:}") String publicUrl) {
        this.invitations = invitations;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.sessions = sessions;
        this.factors = factors;
        this.access = access;
        this.accounts = accounts;
        this.organisations = organisations;
        this.encoder = encoder;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") long page,
            @AuthenticationPrincipal CurrentUser administrator, Model model) {
        model.addAttribute("me", administrator.id());
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", new UserForm("", "", "", Role.COACH, null, null));
        }
        String pattern = Like.containing(q);
        long total = accounts.countMatching(pattern);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = (int) Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("users", accounts.search(pattern, PAGE_SIZE, (long) current * PAGE_SIZE));
        model.addAttribute("q", q.strip());
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.organisations());
        model.addAttribute("commissioners", organisations.commissioners());
        model.addAttribute("organisationNames", names(organisations.organisations()));
        model.addAttribute("commissionerNames", names(organisations.commissioners()));
        return "identity/users";
    }

    /**
     * A new account without a password: the new user gets an invitation mail with a one-time link to set it (the
     * administrator never knows it). Without a mail server (outside demo mode) nothing is created.
     */
    @PostMapping
    @Transactional
    String create(@Validated @ModelAttribute("userForm") UserForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser administrator, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors() && accounts.existsByUsername(form.username().trim().toLowerCase())) {
            result.rejectValue("username", "user.username.taken");
        }
        if (!result.hasErrors()) {
            try {
                // a password no one knows until the invitation sets one
                var created = accounts.save(UserAccount.create(form.username(),
                        encoder.encode(PersonalTokens.newToken()), form.displayName().trim(), form.email().strip(),
                        form.role(), form.organisationId(), form.commissionerId()));
                access.accountAdministered(AccessAction.CREATE, created.getId() + ": " + String.join(", ",
                        assignment(created.getRole(), created.getOrganisationId(), created.getCommissionerId())),
                        created.getOrganisationId());
                invite(created, administrator);
            } catch (DomainRuleViolation e) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                if ("address".equals(e.field())) {
                    result.reject(e.messageKey());
                } else {
                    result.rejectValue(e.field(), e.messageKey());
                }
            }
        }
        if (result.hasErrors()) {
            return list("", 0, administrator, model);
        }
        redirect.addFlashAttribute("notice", "users.invited");
        redirect.addFlashAttribute("noticeArgument", form.email().strip());
        return "redirect:/admin/users";
    }

    /**
     * A new invitation for the account (the earlier link stops working): for an account whose user has set a password,
     * a password reset; the password changes only when the user sets a new one by the link.
     */
    @PostMapping("/{id}/invitation")
    @Transactional
    String reinvite(@PathVariable long id, @AuthenticationPrincipal CurrentUser administrator,
            RedirectAttributes redirect) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        try {
            if (!account.isEnabled()) {
                throw new DomainRuleViolation("enabled", "users.invite.blocked");
            }
            boolean reset = !invitations.awaitingFirstPassword(id);
            invite(account, administrator);
            redirect.addFlashAttribute("notice", reset ? "users.passwordReset.sent" : "users.invited");
            redirect.addFlashAttribute("noticeArgument", account.getEmail());
        } catch (DomainRuleViolation e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            redirect.addFlashAttribute("refused", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    private void invite(UserAccount account, CurrentUser administrator) {
        if (account.getEmail() == null || account.getEmail().isBlank()) {
            throw new DomainRuleViolation("email", "user.email.required");
        }
        var invitation = invitations.invite(account.getId(), administrator.id());
        String base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl;
        String language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "nl";
        mailer.sendInvitation(administrator, account.getEmail(), account.getDisplayName(), account.getUsername(), base,
                invitation.token(), LocalDate.ofInstant(invitation.expiresAt(), ZONE), language);
        access.accountAdministered(AccessAction.CHANGE, account.getId() + ": invitation sent",
                account.getOrganisationId());
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
        if (!result.hasErrors() && account.getRole() == Role.ADMIN && form.role() != Role.ADMIN
                && lastAdministrator(account)) {
            result.rejectValue("role", "users.lastAdministrator");
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
                accounts.save(account);
                // what changed, for the log: the rights' new values, the rest by name only
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
                if (rights) {
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
        model.addAttribute("awaitingPassword", invitations.awaitingFirstPassword(account.getId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.organisations());
        model.addAttribute("commissioners", organisations.commissioners());
        return "identity/user-edit";
    }

    @PostMapping("/{id}/enabled")
    @Transactional
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser administrator, RedirectAttributes redirect) {
        var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!enabled && !confirm) {
            redirect.addFlashAttribute("refused", "users.disable.unconfirmed");
            return "redirect:/admin/users";
        }
        if (!enabled && account.getId() == administrator.id()) {
            redirect.addFlashAttribute("refused", "users.selfBlock");
            return "redirect:/admin/users";
        }
        if (!enabled && account.getRole() == Role.ADMIN && lastAdministrator(account)) {
            redirect.addFlashAttribute("refused", "users.lastAdministrator");
            return "redirect:/admin/users";
        }
        account.setEnabled(enabled);
        accounts.save(account);
        access.accountAdministered(AccessAction.CHANGE, id + (enabled ? ": unblocked" : ": blocked"),
                account.getOrganisationId());
        if (!enabled) {
            // A blocked account is logged out everywhere at once, not when its sessions time out.
            endSessions(account);
        }
        redirect.addFlashAttribute("notice", enabled ? "users.unblocked" : "users.blocked");
        redirect.addFlashAttribute("noticeArgument", account.getUsername());
        return "redirect:/admin/users";
    }

    /** Whether no other enabled administrator remains besides this account. */
    private boolean lastAdministrator(UserAccount account) {
        return accounts.countOtherEnabled(Role.ADMIN.name(), account.getId()) == 0;
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

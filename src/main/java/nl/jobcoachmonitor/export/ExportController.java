package nl.jobcoachmonitor.export;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The researcher's pages (projects, a project with its downloads and past exports) and the manager's approvals.
 * The security configuration lets only researchers into /research and only managers into /team.
 */
@Controller
class ExportController {

    private final ExportManagement exports;
    private final OrganisationManagement organisations;

    ExportController(ExportManagement exports, OrganisationManagement organisations) {
        this.exports = exports;
        this.organisations = organisations;
    }

    @GetMapping("/research")
    String projects(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("projectForm", ProjectForm.empty());
        return projectsPage(user, model);
    }

    private String projectsPage(CurrentUser user, Model model) {
        model.addAttribute("projects", exports.projects(user));
        model.addAttribute("organisations", organisations.organisations());
        model.addAttribute("commissioners", organisations.commissioners());
        model.addAttribute("allWaves", ProjectForm.WAVES);
        return "export/projects";
    }

    @PostMapping("/research/projects")
    String create(@AuthenticationPrincipal CurrentUser user,
            @Validated @ModelAttribute("projectForm") ProjectForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                long id = exports.create(user, form);
                return "redirect:/research/projects/" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ExportManagement.PopulationTooClose e) {
                result.reject("export.refused.population", new Object[] {e.otherProject()}, null);
            }
        }
        return projectsPage(user, model);
    }

    @GetMapping("/research/projects/{id}")
    String project(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("project", exports.project(user, id));
        model.addAttribute("downloads", exports.downloads(user, id));
        model.addAttribute("files", ExportFile.values());
        return "export/project";
    }

    @GetMapping("/research/projects/{id}/files/{file}")
    Object download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String file,
            Locale locale, Model model, HttpServletResponse response) {
        var which = ExportFile.named(file).orElseThrow(() -> new NotFoundException("export_file", file));
        try {
            var download = exports.download(user, id, which, locale);
            String name = "jcm-project-" + id + "-" + download.fileName();
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                            .toString())
                    .header("X-Content-SHA256", download.sha256())
                    .contentType(MediaType.parseMediaType(download.contentType())).body(download.bytes());
        } catch (ExportManagement.Rejected e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", "export.refused.rejected");
        } catch (ExportManagement.NotApproved e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", "export.refused.notApproved");
        } catch (ExportManagement.NoConsentingEmployees e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", "export.refused.noConsent");
        } catch (ExportManagement.PopulationTooClose e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", "export.refused.population");
            model.addAttribute("refusalProject", e.otherProject());
        }
        return project(user, id, model);
    }

    @GetMapping("/team/exports")
    String approvals(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("projects", exports.projects(user));
        return "export/approvals";
    }

    @PostMapping("/team/exports/{id}/approval")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            exports.approve(user, id);
            redirect.addFlashAttribute("approved", id);
        } catch (ExportManagement.PopulationTooClose e) {
            redirect.addFlashAttribute("refusedProject", exports.project(user, id).name());
        }
        return "redirect:/team/exports";
    }

    /** The manager rejects a waiting project with a reason the researcher sees. */
    @PostMapping("/team/exports/{id}/rejection")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            exports.reject(user, id, reason);
            redirect.addFlashAttribute("rejected", id);
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("rejectError", e.messageKey());
            redirect.addFlashAttribute("rejectProject", id);
        }
        return "redirect:/team/exports";
    }
}

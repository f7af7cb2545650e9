package nl.jobcoachmonitor.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.plan.AccountabilityManagement;
import nl.jobcoachmonitor.plan.Assessments;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.plan.ReportDocuments;
import nl.jobcoachmonitor.plan.ReportForm;
import nl.jobcoachmonitor.plan.SignOffForm;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.format.annotation.DateTimeFormat;
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

/** Accountability reports: list and generate, complete and sign off, correct by a new version, print and PDF. */
@Controller
class AccountabilityController {

    private final AccountabilityManagement accountability;
    private final PlanManagement plans;
    private final Assessments assessments;
    private final ReportDocuments documents;
    private final Clock clock;

    AccountabilityController(AccountabilityManagement accountability, PlanManagement plans,
            Assessments assessments, ReportDocuments documents, Clock clock) {
        this.clock = clock;
        this.accountability = accountability;
        this.plans = plans;
        this.assessments = assessments;
        this.documents = documents;
    }

    @GetMapping("/trajectories/{id}/reports")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("list", accountability.list(user, id));
        return "plan/reports";
    }

    @PostMapping("/trajectories/{id}/reports")
    String generate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model) {
        try {
            long reportId = accountability.generate(user, id, from);
            return "redirect:/trajectories/" + id + "/reports/" + reportId;
        } catch (DomainRuleViolation e) {
            model.addAttribute("list", accountability.list(user, id));
            model.addAttribute("generateError", e.messageKey());
            return "plan/reports";
        }
    }

    @GetMapping("/trajectories/{id}/reports/{reportId}")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            Model model) {
        var report = accountability.report(user, id, reportId);
        model.addAttribute("reportForm", ReportForm.of(report));
        return page(report, id, model);
    }

    /** The report page: the report, its assessment links, how it can go to the commissioner and how it went. */
    private String page(nl.jobcoachmonitor.plan.AccountabilityReport report, long id, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("assessmentLinks", assessments.states(report.id()));
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("reportEmail", accountability.reportEmail(id).orElse(null));
        if (report.sending() != null && report.sending().mailId() != null) {
            model.addAttribute("sentMailState", accountability.mailState(report.sending().mailId()).orElse(null));
        }
        if (!model.containsAttribute("signOffForm")) {
            model.addAttribute("signOffForm", SignOffForm.empty());
        }
        return "plan/report";
    }

    @PostMapping("/trajectories/{id}/reports/{reportId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            @Validated @ModelAttribute("reportForm") ReportForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        plans.coachOnly(user, id);
        if (result.hasErrors()) {
            return page(accountability.report(user, id, reportId), id, model);
        }
        accountability.save(user, id, reportId, form);
        redirect.addFlashAttribute("reportSaved", "report.acc.saved");
        return "redirect:/trajectories/" + id + "/reports/" + reportId;
    }

    @PostMapping("/trajectories/{id}/reports/{reportId}/sign")
    String sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            @ModelAttribute("signOffForm") SignOffForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        plans.coachOnly(user, id);
        // All that is missing at once; the rules themselves are checked where the report is signed.
        if (!Boolean.TRUE.equals(form.confirmed())) {
            result.rejectValue("confirmed", "report.acc.confirmRequired");
        }
        if (form.how() == null) {
            result.rejectValue("how", "report.acc.howRequired");
        }
        try {
            if (!result.hasErrors()) {
                accountability.signOff(user, id, reportId, form);
            }
        } catch (DomainRuleViolation e) {
            result.rejectValue(e.field(), e.messageKey());
        }
        if (result.hasErrors()) {
            var report = accountability.report(user, id, reportId);
            model.addAttribute("reportForm", ReportForm.of(report));
            return page(report, id, model);
        }
        redirect.addFlashAttribute("reportSaved", SignOffForm.MAIL.equals(form.how()) ? "report.acc.signedOffMailed"
                : "report.acc.signedOff");
        return "redirect:/trajectories/" + id + "/reports/" + reportId;
    }

    @PostMapping("/trajectories/{id}/reports/{reportId}/correction")
    String correct(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            RedirectAttributes redirect) {
        long newId = accountability.correct(user, id, reportId);
        redirect.addFlashAttribute("reportSaved", "report.acc.corrected");
        return "redirect:/trajectories/" + id + "/reports/" + newId;
    }

    /** The print view: the report alone, laid out for paper (the same template as the PDF). */
    @GetMapping("/trajectories/{id}/reports/{reportId}/print")
    String print(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            Model model) {
        model.addAttribute("report", accountability.report(user, id, reportId));
        return "plan/report-print";
    }

    @GetMapping(value = "/trajectories/{id}/reports/{reportId}/pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long reportId, Locale locale) {
        var report = accountability.report(user, id, reportId);
        byte[] pdf = documents.pdf(report, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.fileName()).build().toString())
                .body(pdf);
    }
}

package nl.jobcoachmonitor.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import nl.jobcoachmonitor.analytics.ReportPdf;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.plan.AccountabilityManagement;
import nl.jobcoachmonitor.plan.Assessments;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.plan.ReportForm;
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
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Accountability reports: list and generate, complete and sign off, correct by a new version, print and PDF. */
@Controller
class AccountabilityController {

    private final AccountabilityManagement accountability;
    private final PlanManagement plans;
    private final Assessments assessments;
    private final ITemplateEngine templates;
    private final Clock clock;

    AccountabilityController(AccountabilityManagement accountability, PlanManagement plans,
            Assessments assessments, ITemplateEngine templates, Clock clock) {
        this.clock = clock;
        this.accountability = accountability;
        this.plans = plans;
        this.assessments = assessments;
        this.templates = templates;
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
        model.addAttribute("report", report);
        model.addAttribute("reportForm", ReportForm.of(report));
        model.addAttribute("assessmentLinks", assessments.states(reportId));
        model.addAttribute("zone", clock.getZone());
        return "plan/report";
    }

    @PostMapping("/trajectories/{id}/reports/{reportId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            @Validated @ModelAttribute("reportForm") ReportForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        plans.coachOnly(user, id);
        if (result.hasErrors()) {
            model.addAttribute("report", accountability.report(user, id, reportId));
            return "plan/report";
        }
        accountability.save(user, id, reportId, form);
        redirect.addFlashAttribute("reportSaved", "report.acc.saved");
        return "redirect:/trajectories/" + id + "/reports/" + reportId;
    }

    @PostMapping("/trajectories/{id}/reports/{reportId}/sign")
    String sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            RedirectAttributes redirect) {
        accountability.signOff(user, id, reportId);
        redirect.addFlashAttribute("reportSaved", "report.acc.signedOff");
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
        var context = new Context(locale);
        context.setVariable("report", report);
        String html = templates.process("plan/report-print", context);
        byte[] pdf = ReportPdf.of(html, "about:blank");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("verantwoording-" + report.periodFrom() + "-v" + report.versionNo() + ".pdf")
                        .build().toString())
                .body(pdf);
    }
}

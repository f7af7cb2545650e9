package nl.jobcoachmonitor.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import nl.jobcoachmonitor.analytics.ReportPdf;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The accountability report as a PDF, from the same template as the print view ({@code plan/report-print}). The print
 * view links its stylesheet ({@code /assets/css/report-print.css}, allowed by the content security policy); the PDF, laid out
 * without a web server, gets the same stylesheet's text inlined.
 */
@Component
public class ReportDocuments {

    static final String STYLESHEET = "static/css/report-print.css";

    private final ITemplateEngine templates;
    private final String css;

    ReportDocuments(ITemplateEngine templates) {
        this.templates = templates;
        try {
            this.css = new ClassPathResource(STYLESHEET).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(AccountabilityReport report, Locale locale) {
        return ReportPdf.of(html(report, locale), "about:blank");
    }

    /** The HTML the PDF is laid out from (outside a web request, with the stylesheet inlined). */
    public String html(AccountabilityReport report, Locale locale) {
        var context = new Context(locale);
        context.setVariable("report", report);
        context.setVariable("pdfCss", css);
        return templates.process("plan/report-print", context);
    }
}

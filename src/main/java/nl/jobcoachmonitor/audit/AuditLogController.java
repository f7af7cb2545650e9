package nl.jobcoachmonitor.audit;

import java.time.LocalDate;
import java.time.ZoneId;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.TableFiles;
import nl.jobcoachmonitor.shared.TableFiles.CsvVariant;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officer searches the access log of their organisation (events about its persons and by its users), by
 * user, person, period and event type, and downloads the result as CSV. Each search is itself logged. No case content:
 * persons appear only by their pseudonymous id. The page also checks the log's hash chain and shows its head hash, for
 * the privacy officer to note outside the system.
 */
@Controller
class AuditLogController {

    private final AuditQuery query;
    private final AuditChain chain;
    private final PersonalDataAccess access;
    private final ZoneId zone;

    private final MessageSource messages;

    AuditLogController(AuditQuery query, AuditChain chain, PersonalDataAccess access, MessageSource messages,
            @Value("${jcm.time-zone:Europe/Amsterdam}") ZoneId zone) {
        this.messages = messages;
        this.query = query;
        this.chain = chain;
        this.access = access;
        this.zone = zone;
    }

    /** Times are shown, and days of the period read, in this zone (the page names it). */
    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    /**
     * Finds persons of the officer's organisation by (part of) their name or by date of birth, to open their access
     * log. The search is logged (without the name searched for: the log holds pseudonymous ids only), and only
     * employees with a trajectory at the officer's organisation are found.
     */
    @GetMapping("/audit/persons")
    String persons(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
            Model model) {
        model.addAttribute("name", name.strip());
        model.addAttribute("birthDate", birthDate);
        if (name.isBlank() && birthDate == null) {
            model.addAttribute("personError", "audit.persons.empty");
            return "audit/persons";
        }
        if (name.strip().length() > 100) {
            model.addAttribute("personError", "audit.persons.tooLong");
            return "audit/persons";
        }
        var found = query.persons(user.organisationId(), name, birthDate);
        access.searched("employee", "person search (" + (name.isBlank() ? "" : "name") + (birthDate == null ? ""
                : name.isBlank() ? "birth date" : ", birth date") + "): " + found.size() + " found",
                user.organisationId());
        model.addAttribute("persons", found);
        return "audit/persons";
    }

    @GetMapping("/audit")
    String search(@AuthenticationPrincipal CurrentUser user, @Validated @ModelAttribute("filter") AuditFilter filter,
            BindingResult result, Model model) {
        model.addAttribute("events", AuditEventType.values());
        model.addAttribute("chain", chain.verify());
        if (!result.hasErrors() && !validPeriod(filter, result)) {
            result.rejectValue("to", "audit.period.invalid");
        }
        if (result.hasErrors()) {
            model.addAttribute("result", new AuditPage(java.util.List.of(), 0, 0));
            return "audit/log";
        }
        access.searched("audit_event", filter.describe());
        model.addAttribute("result", query.page(user.organisationId(), filter, zone));
        return "audit/log";
    }

    /** The search's result as CSV, headers in the reader's language; {@code variant=nl} with semicolons. */
    @GetMapping(value = "/audit.csv", produces = "text/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser user,
            @Validated @ModelAttribute("filter") AuditFilter filter, BindingResult result,
            @RequestParam(required = false) String variant, Locale locale) {
        if (result.hasErrors() || !validPeriod(filter, result)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("invalid search");
        }
        access.exported("audit_event", filter.describe(), null);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jobcoach-monitor-toegangslog.csv").build().toString())
                .body("\uFEFF" + AuditCsv.of(query.all(user.organisationId(), filter, zone), messages, locale,
                        CsvVariant.named(variant)));
    }

    /** The search's result as a spreadsheet: the search on the first sheet, the events on the second. */
    @GetMapping(value = "/audit.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user,
            @Validated @ModelAttribute("filter") AuditFilter filter, BindingResult result, Locale locale) {
        if (result.hasErrors() || !validPeriod(filter, result)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("invalid search".getBytes(StandardCharsets.UTF_8));
        }
        access.exported("audit_event", filter.describe(), null);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TableFiles.XLSX_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jobcoach-monitor-toegangslog.xlsx").build().toString())
                .body(AuditCsv.xlsx(query.all(user.organisationId(), filter, zone), filter.describe(), messages,
                        locale));
    }

    private static boolean validPeriod(AuditFilter filter, BindingResult result) {
        return filter.from() == null || filter.to() == null || !filter.to().isBefore(filter.from());
    }
}

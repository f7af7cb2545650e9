package nl.jobcoachmonitor.transfer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.SecondFactorThrottle;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Organisatie exporteren": the manager exports their own organisation (under /team), the administrator any
 * organisation (under /admin). The page says what the ZIP holds and about how large it is; the download is a POST that
 * wants a confirmation and a current code of the authenticator app (used up, throttled with the login's codes). An
 * account without a second factor is refused: the export holds every name, note and answer of the organisation.
 */
@Controller
class OrganisationExportController {

    static final String TEAM = "/team/organisation-export";
    static final String ADMIN = "/admin/organisations/{id}/export";

    private final OrganisationExport export;
    private final SecondFactors factors;
    private final SecondFactorThrottle failures;
    private final PersonalDataAccess access;
    private final Clock clock;

    OrganisationExportController(OrganisationExport export, SecondFactors factors, SecondFactorThrottle failures,
            PersonalDataAccess access, Clock clock) {
        this.export = export;
        this.factors = factors;
        this.failures = failures;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping(TEAM)
    String teamPage(@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
        return page(user, ownOrganisation(user), TEAM, model, response);
    }

    @PostMapping(TEAM)
    String teamDownload(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "false") boolean confirm, Model model, HttpServletResponse response)
            throws IOException {
        return download(user, ownOrganisation(user), TEAM, code, confirm, model, response);
    }

    @GetMapping(ADMIN)
    String adminPage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            HttpServletResponse response) {
        return page(user, existing(id), "/admin/organisations/" + id + "/export", model, response);
    }

    @PostMapping(ADMIN)
    String adminDownload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "false") boolean confirm,
            Model model, HttpServletResponse response) throws IOException {
        return download(user, existing(id), "/admin/organisations/" + id + "/export", code, confirm, model, response);
    }

    private static long ownOrganisation(CurrentUser user) {
        if (user.organisationId() == null) {
            throw new NotFoundException("organisation", null);
        }
        return user.organisationId();
    }

    private long existing(long id) {
        if (export.organisationName(id).isEmpty()) {
            throw new NotFoundException("organisation", id);
        }
        return id;
    }

    private String page(CurrentUser user, long organisationId, String action, Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("plan", export.plan(organisationId));
        model.addAttribute("action", action);
        model.addAttribute("enrolled", factors.enrolled(user.id()));
        model.addAttribute("files", OrganisationExportKinds.ALL.stream()
                .map(k -> k.file().replace(".csv", "")).toList());
        return "transfer/export";
    }

    private String download(CurrentUser user, long organisationId, String action, String code, boolean confirm,
            Model model, HttpServletResponse response) throws IOException {
        if (!factors.enrolled(user.id())) {
            access.denied("organisation_export", "organisation " + organisationId + ": no second factor");
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", "orgExport.error.noSecondFactor");
            return page(user, organisationId, action, model, response);
        }
        if (failures.blocked(user.id())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("codeError", "twoFactor.throttled");
            return page(user, organisationId, action, model, response);
        }
        if (!confirm) {
            model.addAttribute("confirmError", "orgExport.error.confirm");
        }
        if (confirm && factors.useCurrentCode(user.id(), code)) {
            failures.succeeded(user.id());
        } else {
            if (confirm) {
                failures.failed(user.id());
                model.addAttribute("codeError", "twoFactor.code.wrong");
            }
            // the form again with its errors (200, as the other forms of the application answer)
            return page(user, organisationId, action, model, response);
        }
        String name = "jobcoach-monitor-export-" + organisationId + "-" + LocalDate.now(clock) + ".zip";
        response.setContentType("application/zip");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        export.write(organisationId, response.getOutputStream());
        response.flushBuffer();
        return null;
    }

}

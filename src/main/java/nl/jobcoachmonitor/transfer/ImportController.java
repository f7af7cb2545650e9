package nl.jobcoachmonitor.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.organisation.Named;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.shared.TableFiles;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: the manager imports into their own organisation, the administrator into the organisation chosen on
 * the page. Upload (several CSV files or one workbook) → dry run in the background → its counts and problems → import
 * in the background → done; the page polls its progress every second (htmx). Another organisation's id answers 404
 * and is logged; another user's upload is not found (back to the page).
 */
@Controller
@RequestMapping("/transfer/import")
class ImportController {

    private final Imports imports;
    private final ImportTemplates templates;
    private final OrganisationManagement organisations;
    private final PersonalDataAccess access;

    ImportController(Imports imports, ImportTemplates templates, OrganisationManagement organisations,
            PersonalDataAccess access) {
        this.imports = imports;
        this.templates = templates;
        this.organisations = organisations;
        this.access = access;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long organisation,
            @RequestParam(required = false) String expired, Model model) {
        Long chosen = organisation == null ? null : organisation(user, organisation);
        model.addAttribute("expired", expired != null);
        return render(user, chosen, null, model);
    }

    private String render(CurrentUser user, Long organisation, String error, Model model) {
        model.addAttribute("admin", admin(user));
        model.addAttribute("organisations", admin(user) ? organisations.organisations() : List.of());
        model.addAttribute("organisation", admin(user) ? organisation : user.organisationId());
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("templates", templates);
        model.addAttribute("error", error);
        return "transfer/import";
    }

    private static boolean admin(CurrentUser user) {
        return user.role() == Role.ADMIN;
    }

    /** The organisation a user imports into: a manager their own, the administrator any that exists. */
    private long organisation(CurrentUser user, Long requested) {
        if (admin(user)) {
            if (requested == null || organisations.organisations().stream().map(Named::id)
                    .noneMatch(requested::equals)) {
                access.denied("organisation", requested);
                throw new NotFoundException("organisation", requested == null ? 0 : requested);
            }
            return requested;
        }
        if (requested != null && !requested.equals(user.organisationId())) {
            access.denied("organisation", requested);
            throw new NotFoundException("organisation", requested);
        }
        return user.organisationId();
    }

    @PostMapping
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long organisation,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        if (admin(user) && organisation == null) {
            return render(user, null, "import.error.organisation", model);
        }
        long target = organisation(user, organisation);
        var uploads = new ArrayList<Imports.Upload>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            try {
                uploads.add(new Imports.Upload(file.getOriginalFilename(), file.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (uploads.isEmpty()) {
            return render(user, target, "import.error.noFiles", model);
        }
        var run = imports.upload(user, target, uploads);
        return "redirect:/transfer/import/" + run.id();
    }

    @GetMapping("/{run}")
    String run(@AuthenticationPrincipal CurrentUser user, @PathVariable String run, Model model) {
        var found = find(user, run);
        if (found == null) {
            return "redirect:/transfer/import?expired";
        }
        model.addAttribute("run", found);
        model.addAttribute("organisationName", organisations.organisations().stream()
                .filter(o -> o.id() == found.organisationId()).map(Named::name).findFirst().orElse(""));
        return "transfer/import-run";
    }

    @GetMapping("/{run}/progress")
    String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable String run, Model model) {
        var found = find(user, run);
        if (found == null) {
            return "redirect:/transfer/import?expired";
        }
        model.addAttribute("run", found);
        return "transfer/import-run :: progress";
    }

    @PostMapping("/{run}/start")
    String start(@AuthenticationPrincipal CurrentUser user, @PathVariable String run) {
        var found = find(user, run);
        if (found == null) {
            return "redirect:/transfer/import?expired";
        }
        imports.start(found);
        return "redirect:/transfer/import/" + found.id();
    }

    /** The user's own run, or null: someone else's is logged as refused. */
    private ImportRun find(CurrentUser user, String id) {
        var found = imports.find(user, id);
        if (found.isEmpty() && imports.exists(id)) {
            access.denied("import", id);
        }
        return found.orElse(null);
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> csvTemplate(@RequestParam(defaultValue = "employers") String kind) {
        var found = java.util.Arrays.stream(ImportKind.values()).filter(k -> k.file().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("template", 0));
        return download(templates.csv(found).getBytes(StandardCharsets.UTF_8), found.file() + ".csv",
                MediaType.parseMediaType("text/csv; charset=UTF-8"));
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate(Locale locale) {
        return download(templates.xlsx(locale), "import-" + locale.getLanguage() + ".xlsx",
                MediaType.parseMediaType(TableFiles.XLSX_TYPE));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}

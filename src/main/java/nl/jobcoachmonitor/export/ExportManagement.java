package nl.jobcoachmonitor.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.measurement.Instruments;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export module's API. A researcher sees and downloads only the projects they defined; a manager sees and approves
 * only the projects of their own organisation. A project is for one organisation, so one manager's approval covers all
 * of it. A download is refused before approval, and tells when no employee consents; otherwise it is built from the
 * consent that holds at that moment, logged (one EXPORT event with the project and its size) and kept with its hash.
 * <p>
 * A project whose population is too close to that of another project of the same researcher
 * ({@link PopulationDifference}) is refused when it is created, when it is approved and at each download (trajectories
 * are added all the time); each refusal is written to the access log.
 */
@Service
@Transactional(noRollbackFor = ExportManagement.PopulationTooClose.class)
public class ExportManagement {

    private final ExportProjects projects;
    private final ExportData data;
    private final Instruments instruments;
    private final OrganisationManagement organisations;
    private final PersonalDataAccess access;
    private final MessageSource messages;
    private final Clock clock;

    ExportManagement(ExportProjects projects, ExportData data, Instruments instruments,
            OrganisationManagement organisations, PersonalDataAccess access, MessageSource messages, Clock clock) {
        this.projects = projects;
        this.data = data;
        this.instruments = instruments;
        this.organisations = organisations;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    /** The download was asked of a project a manager rejected. */
    static final class Rejected extends RuntimeException {
        Rejected() {
            super("project rejected", null, false, false);
        }
    }

    /** The download was asked before a manager approved the project. */
    static class NotApproved extends RuntimeException {
        NotApproved() {
            super("project not approved", null, false, false);
        }
    }

    /** Nobody in the project's population consents to research at this moment: there is nothing to export. */
    static class NoConsentingEmployees extends RuntimeException {
        NoConsentingEmployees() {
            super("no consenting employees", null, false, false);
        }
    }

    /**
     * The project's population differs from that of another project of the same researcher by 1 to 9 trajectories.
     * Names the other project (shown to the researcher who made both, never to a manager).
     */
    static class PopulationTooClose extends RuntimeException {
        private final String otherProject;

        PopulationTooClose(String otherProject) {
            super("population too close to another project of the researcher", null, false, false);
            this.otherProject = otherProject;
        }

        String otherProject() {
            return otherProject;
        }
    }

    /** A file to send, with what was recorded of it. */
    record Download(String fileName, String contentType, byte[] bytes, int trajectories, int persons, String sha256) {
    }

    @Transactional(readOnly = true)
    List<ExportProject> projects(CurrentUser user) {
        return switch (user.role()) {
            case RESEARCHER -> projects.ofCreator(user.id());
            case MANAGER -> projects.ofOrganisation(user.organisationId());
            default -> List.of();
        };
    }

    /** A project the user may see: their own (researcher) or of their organisation (manager); otherwise 404. */
    @Transactional(readOnly = true)
    ExportProject project(CurrentUser user, long id) {
        var found = switch (user.role()) {
            case RESEARCHER -> projects.ofCreator(user.id(), id);
            case MANAGER -> projects.ofOrganisation(user.organisationId()).stream().filter(p -> p.id() == id)
                    .findFirst();
            default -> java.util.Optional.<ExportProject>empty();
        };
        return found.orElseThrow(() -> new NotFoundException("export_project", id));
    }

    @Transactional(readOnly = true)
    List<ExportDownload> downloads(CurrentUser user, long id) {
        return projects.downloads(project(user, id).id());
    }

    long create(CurrentUser user, ProjectForm form) {
        if (user.role() != Role.RESEARCHER) {
            throw new NotFoundException("export_project", "new");
        }
        if (organisations.organisations().stream().noneMatch(o -> o.id() == form.organisationId())) {
            throw new DomainRuleViolation("organisationId", "export.organisation.unknown");
        }
        if (form.commissionerId() != null && organisations.commissioner(form.commissionerId()).isEmpty()) {
            throw new DomainRuleViolation("commissionerId", "export.commissioner.unknown");
        }
        if (form.startedFrom() != null && form.startedTo() != null && form.startedTo().isBefore(form.startedFrom())) {
            throw new DomainRuleViolation("startedTo", "export.period.order");
        }
        if (!ProjectForm.WAVES.containsAll(form.waves())) {
            throw new DomainRuleViolation("waves", "export.waves.unknown");
        }
        var ordered = ProjectForm.WAVES.stream().filter(form.waves()::contains).toList();
        checkPopulation(user.id(), null, new ExportData.Definition(form.organisationId(), form.commissionerId(),
                form.startedFrom(), form.startedTo()));
        return projects.add(new ProjectForm(form.name(), form.purpose(), form.organisationId(), form.commissionerId(),
                form.startedFrom(), form.startedTo(), ordered), Pseudonyms.newSecret(), user.id(), clock.instant());
    }

    /** A manager approves a project of their own organisation; anyone else gets 404. Approving twice changes nothing. */
    void approve(CurrentUser user, long id) {
        if (user.role() != Role.MANAGER) {
            throw new NotFoundException("export_project", id);
        }
        var project = project(user, id);
        if (!project.approved()) {
            checkPopulation(project.createdBy(), id, ExportData.Definition.of(project));
            projects.approve(user.organisationId(), id, user.id(), clock.instant());
        }
    }

    /**
     * A manager rejects a project of their own organisation with a reason the researcher sees; anyone else gets 404.
     * An approved or already rejected project stays as it is. Logged as a change of the project.
     */
    void reject(CurrentUser user, long id, String reason) {
        if (user.role() != Role.MANAGER) {
            throw new NotFoundException("export_project", id);
        }
        var project = project(user, id);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new DomainRuleViolation("reason", "export.reject.reasonRequired");
        }
        if (text.length() > 1000) {
            throw new DomainRuleViolation("reason", "export.reject.reasonTooLong");
        }
        if (!project.waiting()) {
            throw new DomainRuleViolation("reason", "export.reject.notWaiting");
        }
        projects.reject(user.organisationId(), id, user.id(), clock.instant(), text);
        access.changed("export_project", "project " + id + ": rejected", null);
    }

    /** How many projects of the manager's organisation wait for approval (0 for anyone else). */
    @Transactional(readOnly = true)
    public long waitingForApproval(CurrentUser user) {
        return user.role() == Role.MANAGER && user.organisationId() != null
                ? projects.waitingFor(user.organisationId()) : 0;
    }

    /** Builds the export now and records the download; see the class comment for the refusals. */
    Download download(CurrentUser user, long id, ExportFile file, Locale locale) {
        if (user.role() != Role.RESEARCHER) {
            throw new NotFoundException("export_project", id);
        }
        var project = project(user, id);
        if (project.rejected()) {
            throw new Rejected();
        }
        if (!project.approved()) {
            throw new NotApproved();
        }
        checkPopulation(user.id(), id, ExportData.Definition.of(project));
        var subjects = data.load(project, clock.getZone());
        if (subjects.isEmpty()) {
            throw new NoConsentingEmployees();
        }
        var tables = new ExportTables(project.waves(), instruments, messages);
        var pseudonyms = new Pseudonyms(project.secret());
        var pack = ExportPackage.of(project, java.time.ZonedDateTime.now(clock), tables, tables.wideRows(subjects, pseudonyms),
                tables.longRows(subjects, pseudonyms), !"en".equals(locale.getLanguage()));
        byte[] bytes = pack.file(file);
        String hash = sha256(bytes);
        projects.downloaded(id, user.id(), clock.instant(), file.fileName(), pack.trajectories(), pack.persons(), hash);
        access.exported("export_project", "project " + id + ": " + pack.persons() + " persons");
        // and once per person when the file holds their data, so each person's own access view and the privacy
        // officer's search by person show it
        if (file.holdsPersons()) {
            subjects.stream().mapToLong(ExportData.Subject::employeeId).distinct()
                    .forEach(employee -> access.exported("export_project", id, employee));
        }
        return new Download(file.fileName(), file.contentType(), bytes, pack.trajectories(), pack.persons(), hash);
    }

    /**
     * Refuses (and logs the refusal) when this population is too close to that of any other project of the
     * researcher, earlier or later: both would be downloadable, and either order of download gives the difference.
     */
    private void checkPopulation(long researcherId, Long projectId, ExportData.Definition definition) {
        var population = data.population(definition);
        for (var other : projects.ofCreator(researcherId)) {
            if (projectId != null && other.id() == projectId) {
                continue;
            }
            if (PopulationDifference.tooSmall(population, data.population(ExportData.Definition.of(other)))) {
                access.denied("export_project", (projectId == null ? "new" : "project " + projectId)
                        + ": population within 1-9 of project " + other.id());
                throw new PopulationTooClose(other.name());
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

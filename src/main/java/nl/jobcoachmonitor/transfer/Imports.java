package nl.jobcoachmonitor.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.outcomes.OutcomesManagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The uploads of this instance and their runs in the background, one at a time: the dry run when the files come in,
 * the import when the user confirms it, then the indicators and signals of the trajectories it touched (one
 * transaction each) and the access log (one entry for the import, one per person). A run belongs to the user who
 * uploaded it; its files are kept in temporary files until it is done or an hour has passed.
 */
@Component
class Imports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);
    private static final Duration KEPT = Duration.ofHours(1);

    private final Importer importer;
    private final OutcomesManagement outcomes;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ImportRun> runs = new ConcurrentHashMap<>();

    Imports(Importer importer, OutcomesManagement outcomes, PersonalDataAccess access, Clock clock) {
        this.importer = importer;
        this.outcomes = outcomes;
        this.access = access;
        this.clock = clock;
    }

    /** A file as uploaded: its name and its content, read once into a temporary file. */
    record Upload(String name, InputStream content) {
    }

    /** Keeps the files and starts their dry run in the background. */
    ImportRun upload(CurrentUser user, long organisationId, List<Upload> uploads) {
        forgetOld();
        String id = UUID.randomUUID().toString();
        var files = new ArrayList<ImportFile>();
        try {
            Path directory = Files.createTempDirectory("jcm-import-");
            for (Upload upload : uploads) {
                String name = Path.of(upload.name() == null || upload.name().isBlank() ? "upload" : upload.name())
                        .getFileName().toString();
                Path path = directory.resolve(files.size() + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
                try (var in = upload.content()) {
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(new ImportFile(name, path, Files.size(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var run = new ImportRun(id, user.id(), organisationId, List.copyOf(files), clock.instant());
        runs.put(id, run);
        submit(run, false, SecurityContextHolder.getContext().getAuthentication());
        return run;
    }

    /** The user's own run; another user's run or an unknown id is empty. */
    Optional<ImportRun> find(CurrentUser user, String id) {
        var run = runs.get(id);
        return run != null && run.userId() == user.id() ? Optional.of(run) : Optional.empty();
    }

    /** Whether a run with this id exists at all (for logging someone else's id as refused). */
    boolean exists(String id) {
        return runs.containsKey(id);
    }

    /** Starts the import of a run whose dry run found nothing wrong; false when that is not the case. */
    boolean start(ImportRun run) {
        if (!run.readyToImport()) {
            return false;
        }
        submit(run, true, SecurityContextHolder.getContext().getAuthentication());
        return true;
    }

    private void submit(ImportRun run, boolean store, Authentication authentication) {
        var progress = run.begin(store);
        executor.submit(() -> {
            // the access log names the user who started it, as if in their request
            SecurityContextHolder.getContext().setAuthentication(authentication);
            try {
                var outcome = importer.run(run.organisationId(), run.userId(), run.files(), store, progress);
                if (store && outcome.stored()) {
                    progress.step(ImportProgress.Step.INDICATORS);
                    progress.toRecompute(outcome.trajectoryIds().size());
                    outcomes.recompute(outcome.trajectoryIds(), progress::recomputed);
                    progress.step(ImportProgress.Step.LOGGING);
                    logAccess(run, outcome);
                    run.deleteFiles();
                }
                run.finish(outcome);
                progress.step(ImportProgress.Step.DONE);
            } catch (RuntimeException e) {
                log.warn("Import {} failed", run.id(), e);
                run.fail(e.getMessage());
                progress.step(ImportProgress.Step.FAILED);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    private void logAccess(ImportRun run, ImportOutcome outcome) {
        access.imported(run.id().substring(0, 8) + ": " + outcome.rows() + " rows, "
                + (outcome.createdPersons().size() + outcome.changedPersons().size()) + " persons",
                run.organisationId());
        outcome.createdPersons().forEach(id -> access.created("employee", id, id));
        outcome.changedPersons().forEach(id -> access.changed("employee", id, id));
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        runs.values().removeIf(run -> {
            if (run.createdAt().isBefore(before) && run.progress().finished()) {
                run.deleteFiles();
                return true;
            }
            return false;
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        runs.values().forEach(ImportRun::deleteFiles);
    }
}

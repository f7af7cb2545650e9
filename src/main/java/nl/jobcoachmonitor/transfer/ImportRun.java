package nl.jobcoachmonitor.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/**
 * One upload: its files, the user and organisation, and how its dry run and its import went. Written by the import
 * thread, read by the progress requests.
 */
final class ImportRun {

    private final String id;
    private final long userId;
    private final long organisationId;
    private final List<ImportFile> files;
    private final Instant createdAt;
    private volatile ImportProgress progress = new ImportProgress(1);
    private volatile boolean importing;
    private volatile ImportOutcome dryRun;
    private volatile ImportOutcome imported;
    private volatile String failure;

    ImportRun(String id, long userId, long organisationId, List<ImportFile> files, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.organisationId = organisationId;
        this.files = files;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    long userId() {
        return userId;
    }

    long organisationId() {
        return organisationId;
    }

    public List<ImportFile> files() {
        return files;
    }

    Instant createdAt() {
        return createdAt;
    }

    public ImportProgress progress() {
        return progress;
    }

    /** Whether the import (not the dry run) is running or done. */
    public boolean importing() {
        return importing;
    }

    public ImportOutcome dryRun() {
        return dryRun;
    }

    public ImportOutcome imported() {
        return imported;
    }

    public String failure() {
        return failure;
    }

    synchronized ImportProgress begin(boolean store) {
        importing = store;
        failure = null;
        progress = new ImportProgress(files.stream().mapToLong(ImportFile::size).sum());
        return progress;
    }

    synchronized void finish(ImportOutcome outcome) {
        if (importing) {
            imported = outcome;
        } else {
            dryRun = outcome;
        }
    }

    synchronized void fail(String message) {
        failure = message == null ? "?" : message;
    }

    /** The dry run is done, found nothing wrong, and no import has started yet. */
    synchronized boolean readyToImport() {
        return !importing && dryRun != null && dryRun.valid() && progress.finished() && failure == null;
    }

    void deleteFiles() {
        for (ImportFile file : files) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                // a temporary file; the system cleans it up
            }
        }
    }
}

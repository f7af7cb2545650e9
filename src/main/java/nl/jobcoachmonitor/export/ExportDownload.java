package nl.jobcoachmonitor.export;

import java.time.LocalDateTime;

/** One past download of a project. */
public record ExportDownload(LocalDateTime at, String by, String fileName, int trajectories, int persons, String sha256) {
}

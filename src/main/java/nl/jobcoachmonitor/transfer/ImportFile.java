package nl.jobcoachmonitor.transfer;

import java.nio.file.Path;

/** One uploaded file, kept in a temporary file between the dry run and the import. */
record ImportFile(String name, Path path, long size) {
}

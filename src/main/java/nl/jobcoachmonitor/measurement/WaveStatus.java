package nl.jobcoachmonitor.measurement;

/** Stored status of a wave: open, or cancelled because the trajectory closed before it was due. */
enum WaveStatus {
    OPEN, CANCELLED
}

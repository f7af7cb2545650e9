package nl.jobcoachmonitor.measurement;

/** One answer option: the stored value and its label. */
public record Option(String value, Text label) {
}

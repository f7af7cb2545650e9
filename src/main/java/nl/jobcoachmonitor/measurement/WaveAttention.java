package nl.jobcoachmonitor.measurement;

/** The wave of a trajectory that asks for the coach's attention now: its code and whether it is open, due a reminder or overdue. */
public record WaveAttention(String code, WaveState state) {
}

package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;

/** One step in the phase history. The first has no {@code fromPhase}. */
public record PhaseChange(TrajectoryPhase fromPhase, TrajectoryPhase toPhase, LocalDate changedOn,
        ClosingReason closingReason, Long changedBy) {
}

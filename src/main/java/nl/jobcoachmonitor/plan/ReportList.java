package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.List;

/** The accountability reports of a trajectory and the report periods a new one can be made for. */
public record ReportList(long trajectoryId, String commissionerName, List<PeriodChoice> periods,
        List<AccountabilityReport> reports) {

    public record PeriodChoice(LocalDate from, LocalDate lastDay) {
    }
}

package nl.jobcoachmonitor.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** What the coach adds to a draft report: the summary and the two assessments of the coaching. */
public record ReportForm(
        @Size(max = 2000) String summary,
        @Min(1) @Max(10) Integer employeeGrade,
        @Size(max = 300) String employeeRemark,
        @Min(1) @Max(10) Integer employerGrade,
        @Size(max = 300) String employerRemark) {

    public static ReportForm of(AccountabilityReport r) {
        return new ReportForm(r.summary(), r.employeeGrade(), r.employeeRemark(), r.employerGrade(),
                r.employerRemark());
    }
}

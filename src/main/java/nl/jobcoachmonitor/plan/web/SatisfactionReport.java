package nl.jobcoachmonitor.plan.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * The yearly satisfaction report of an organisation per commissioner: the mean of the employees' and of the
 * employers' assessment grades in the accountability reports signed off that year (the latest signed version of each
 * report period), how many grades are behind each mean, and whether both meet the commissioner's norm.
 */
public record SatisfactionReport(int year, List<Row> rows) {

    /** {@code norm} is null without grant rules; a mean is null without grades. */
    public record Row(String commissionerName, BigDecimal norm, Double employeeMean, int employeeCount,
            Double employerMean, int employerCount) {

        /** Null when it cannot be judged (no norm, or no grade of employees or employers). */
        public Boolean normMet() {
            if (norm == null || employeeMean == null || employerMean == null) {
                return null;
            }
            double n = norm.doubleValue();
            return employeeMean >= n - 1e-9 && employerMean >= n - 1e-9;
        }
    }
}

package nl.jobcoachmonitor.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grant rules per commissioner (no personal data). */
@Repository
public class GrantRules {

    private final JdbcClient jdbc;

    GrantRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<GrantRule> of(long commissionerId) {
        return jdbc.sql("select * from grant_rule where commissioner_id = :c").param("c", commissionerId)
                .query(GrantRules::row).optional();
    }

    List<GrantRule> all() {
        return jdbc.sql("select * from grant_rule").query(GrantRules::row).list();
    }

    /** Inserts or replaces the rule of the commissioner. */
    public void save(GrantRule rule) {
        int updated = jdbc.sql("""
                update grant_rule set hours_per_period = :hours, period_months = :period,
                  max_duration_months = :duration, report_every_months = :report, report_template = :template,
                  satisfaction_norm = :norm, version = version + 1
                where commissioner_id = :c
                """).params(params(rule)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into grant_rule (commissioner_id, hours_per_period, period_months, max_duration_months,
                      report_every_months, report_template, satisfaction_norm)
                    values (:c, :hours, :period, :duration, :report, :template, :norm)
                    """).params(params(rule)).update();
        }
    }

    private static java.util.Map<String, Object> params(GrantRule rule) {
        return java.util.Map.of("c", rule.commissionerId(), "hours", rule.hoursPerPeriod(), "period", rule.periodMonths(),
                "duration", rule.maxDurationMonths(), "report", rule.reportEveryMonths(),
                "template", rule.template().name(), "norm", rule.satisfactionNorm());
    }

    private static GrantRule row(ResultSet rs, int n) throws SQLException {
        return new GrantRule(rs.getLong("commissioner_id"), rs.getBigDecimal("hours_per_period"),
                rs.getInt("period_months"), rs.getInt("max_duration_months"), rs.getInt("report_every_months"),
                ReportTemplate.valueOf(rs.getString("report_template")), rs.getBigDecimal("satisfaction_norm"));
    }

    public static BigDecimal uwvNorm() {
        return new BigDecimal("6.5");
    }
}

package nl.jobcoachmonitor.plan;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The grant rules per commissioner, in versions by effective date (no personal data). */
@Repository
public class GrantRules {

    private final JdbcClient jdbc;

    GrantRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of the commissioner's rules. */
    public Optional<GrantRule> of(long commissionerId) {
        return history(commissionerId).map(GrantRuleHistory::latest);
    }

    /** All versions of the commissioner's rules, empty when it has none. */
    public Optional<GrantRuleHistory> history(long commissionerId) {
        List<GrantRule> versions = jdbc.sql("select * from grant_rule where commissioner_id = :c")
                .param("c", commissionerId).query(GrantRules::row).list();
        return versions.isEmpty() ? Optional.empty() : Optional.of(new GrantRuleHistory(versions));
    }

    /** The rules of every commissioner that has them, by commissioner id. */
    Map<Long, GrantRuleHistory> all() {
        Map<Long, List<GrantRule>> versions = new HashMap<>();
        jdbc.sql("select * from grant_rule").query(GrantRules::row).list()
                .forEach(r -> versions.computeIfAbsent(r.commissionerId(), k -> new ArrayList<>()).add(r));
        Map<Long, GrantRuleHistory> result = new HashMap<>();
        versions.forEach((c, v) -> result.put(c, new GrantRuleHistory(v)));
        return result;
    }

    /** Inserts the version of the rule's effective date, or replaces the version of that date. */
    public void save(GrantRule rule) {
        int updated = jdbc.sql("""
                update grant_rule set hours_per_period = :hours, period_months = :period,
                  max_duration_months = :duration, report_every_months = :report, report_template = :template,
                  satisfaction_norm = :norm, report_email = :email, version = version + 1
                where commissioner_id = :c and effective_from = :from
                """).params(params(rule)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into grant_rule (commissioner_id, effective_from, hours_per_period, period_months,
                      max_duration_months, report_every_months, report_template, satisfaction_norm, report_email)
                    values (:c, :from, :hours, :period, :duration, :report, :template, :norm, :email)
                    """).params(params(rule)).update();
        }
    }

    private static Map<String, Object> params(GrantRule rule) {
        var params = new HashMap<String, Object>();
        params.put("c", rule.commissionerId());
        params.put("from", Date.valueOf(rule.effectiveFrom()));
        params.put("hours", rule.hoursPerPeriod());
        params.put("period", rule.periodMonths());
        params.put("duration", rule.maxDurationMonths());
        params.put("report", rule.reportEveryMonths());
        params.put("template", rule.template().name());
        params.put("norm", rule.satisfactionNorm());
        params.put("email", rule.reportEmail());
        return params;
    }

    private static GrantRule row(ResultSet rs, int n) throws SQLException {
        return new GrantRule(rs.getLong("commissioner_id"), rs.getBigDecimal("hours_per_period"),
                rs.getInt("period_months"), rs.getInt("max_duration_months"), rs.getInt("report_every_months"),
                ReportTemplate.valueOf(rs.getString("report_template")), rs.getBigDecimal("satisfaction_norm"),
                rs.getObject("effective_from", LocalDate.class), rs.getString("report_email"));
    }

    public static BigDecimal uwvNorm() {
        return new BigDecimal("6.5");
    }
}

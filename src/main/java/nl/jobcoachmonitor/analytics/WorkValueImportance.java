package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.List;

import nl.jobcoachmonitor.analytics.CellKeyPerturbation.CellKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How important the employees of all organisations find each work value, at their first measurement (T0): the mean
 * importance (1–5) per work value, published exactly as the study report publishes it (the same population as the
 * overall report: every trajectory's T0 answer with importance and achievement; the cell key method with the same
 * salt, so the figure equals the report's; nothing about fewer than {@value SmallCellRule#MINIMUM_CELL_SIZE} persons).
 * A small public read for the knowledge circle's data comparison: only these aggregates leave the module, never an
 * employee's answer.
 */
@Component
public class WorkValueImportance {

    /** One work value (its code, e.g. {@code income}): shown or suppressed, the published mean and its (perturbed) n. */
    public record Importance(String workValue, boolean shown, double mean, int n) {
    }

    private final JdbcClient jdbc;
    private final RecordKeys recordKeys;

    WorkValueImportance(JdbcClient jdbc, RecordKeys recordKeys) {
        this.jdbc = jdbc;
        this.recordKeys = recordKeys;
    }

    /** The seven work values in the instrument's order, across all organisations, now. */
    @Transactional(readOnly = true)
    public List<Importance> acrossOrganisations() {
        record Answer(long trajectoryId, String workValue, int important) {
        }
        List<Answer> answers = jdbc.sql("select v.trajectory_id, v.work_value, v.important from wave_work_value v "
                + "where v.wave_code = 'T0' and v.important is not null and v.achieved is not null")
                .query((rs, n) -> new Answer(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        List<Importance> rows = new ArrayList<>();
        for (String value : AnalyticsManagement.WORK_VALUES) {
            int n = 0;
            long sum = 0;
            CellKey key = CellKey.EMPTY;
            for (Answer a : answers) {
                if (a.workValue().equals(value)) {
                    n++;
                    sum += (long) AnalyticsManagement.FIVE_POINT.clamp(a.important());
                    key = key.plus(recordKeys.trajectory(a.trajectoryId()));
                }
            }
            if (!CellKeyPerturbation.publishable(n, key)) {
                rows.add(new Importance(value, false, Double.NaN, 0));
            } else {
                rows.add(new Importance(value, true, CellKeyPerturbation.mean(sum, n, AnalyticsManagement.FIVE_POINT,
                        key, "workValue." + value + ".important"), CellKeyPerturbation.count(n, key)));
            }
        }
        return rows;
    }
}

package nl.jobcoachmonitor.analytics;

import static nl.jobcoachmonitor.analytics.ModelReference.assertCoefficientsMatch;
import static nl.jobcoachmonitor.analytics.ModelReference.assertMatches;
import static nl.jobcoachmonitor.analytics.ModelReference.data;
import static nl.jobcoachmonitor.analytics.ModelReference.expected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.jobcoachmonitor.analytics.LogisticFit.Method;
import nl.jobcoachmonitor.analytics.LogisticFit.Status;

/**
 * The report's models against R (reference-models.R): crude and adjusted logistic regressions by maximum likelihood,
 * Firth's penalised likelihood on a small, a separated and a near-separated data set, the linear model of the
 * capability set, and a large data set with a long-tailed predictor. To 1e-6 relative on every estimate, standard
 * error, interval bound and p-value.
 */
class ModelReferenceTests {

    private static final List<String> PREDICTORS = List.of("intensity", "jobFit", "rapport", "fitWishes");

    private static List<Predictor> predictors(Map<String, double[]> data, List<String> names) {
        return names.stream().map(name -> Predictor.of(name, data.get(name))).toList();
    }

    private static void assertMatchesR(String label, LogisticFit fit) {
        assertThat(fit.status()).as(label).isEqualTo(Status.ESTIMATED);
        assertThat(fit.n()).isEqualTo((int) expected(label + ".n"));
        assertThat(fit.events()).isEqualTo((int) expected(label + ".events"));
        assertMatches(label + ".deviance", fit.deviance());
        assertCoefficientsMatch(label, fit.coefficients());
    }

    @Test
    void crudeOddsRatiosMatchRsGlmPerPredictor() {
        var cohort = data("cohort.csv");
        for (String x : PREDICTORS) {
            for (String outcome : List.of("retained", "positive")) {
                var fit = LogisticRegression.fit(cohort.get(outcome), predictors(cohort, List.of(x)));
                assertMatchesR("cohort.crude." + outcome + "." + x, fit);
                assertThat(fit.method()).isEqualTo(Method.MAXIMUM_LIKELIHOOD);
            }
        }
    }

    @Test
    void adjustedOddsRatiosMatchRsGlmWithTheFourPredictorsTogether() {
        var cohort = data("cohort.csv");
        for (String outcome : List.of("retained", "positive")) {
            var fit = LogisticRegression.fit(cohort.get(outcome), predictors(cohort, PREDICTORS));
            assertMatchesR("cohort.adjusted." + outcome, fit);
            assertThat(fit.iterations()).isLessThanOrEqualTo((int) expected("cohort.adjusted." + outcome
                    + ".iterations") + 2);
        }
    }

    @Test
    void theLinearModelOfTheCapabilitySetMatchesRsLm() {
        var cohort = data("cohort.csv");
        var fit = LinearRegression.fit(cohort.get("capability"), predictors(cohort, PREDICTORS));
        assertThat(fit.estimable()).isTrue();
        assertThat(fit.n()).isEqualTo((int) expected("cohort.linear.capability.n"));
        assertCoefficientsMatch("cohort.linear.capability", fit.coefficients());
    }

    @Test
    void firthMatchesBrglm2OnAMunicipalitySizedSelection() {
        var small = data("small.csv");
        var crude = LogisticRegression.firth(small.get("retained"), predictors(small, List.of("rapport")));
        assertMatchesR("small.firth.crude.retained.rapport", crude);
        assertThat(crude.method()).isEqualTo(Method.FIRTH);
        var adjusted = LogisticRegression.firth(small.get("retained"), predictors(small, PREDICTORS));
        assertMatchesR("small.firth.adjusted.retained", adjusted);
    }

    @Test
    void firthGivesFiniteEstimatesUnderCompleteSeparationAsBrglm2() {
        var separated = data("separated.csv");
        assertThat(LogisticRegression.fit(separated.get("y"), Predictor.of("x", separated.get("x"))).status())
                .isEqualTo(Status.SEPARATION);
        assertMatchesR("separated.firth", LogisticRegression.firth(separated.get("y"),
                Predictor.of("x", separated.get("x"))));
    }

    @Test
    void nearSeparationMatchesRByBothMethods() {
        var near = data("near-separated.csv");
        var ml = LogisticRegression.fit(near.get("y"), Predictor.of("x", near.get("x")));
        assertMatchesR("near.ml", ml);
        assertMatchesR("near.firth", LogisticRegression.firth(near.get("y"), Predictor.of("x", near.get("x"))));
        // the maximum-likelihood odds ratio is in the hundreds with an interval from about 2 to over 100,000
        assertThat(ml.coefficient("x").orElseThrow().oddsRatioUpper()).isGreaterThan(100_000);
    }

    @Test
    void aLargeSampleWithALongTailedPredictorConvergesInAHandfulOfIterationsAsInR() {
        var large = data("large.csv.gz");
        var fit = LogisticRegression.fit(large.get("retained"), Predictor.of("intensity", large.get("intensity")));
        assertMatchesR("large.ml", fit);
        assertThat(fit.iterations()).isLessThanOrEqualTo((int) expected("large.ml.iterations") + 2);
    }

    @Test
    void theBenchmarksOverallReportFitsRetentionOnIntensityAsRDoes() {
        // 134,171 complete cases, intensity 0 for most with a tail: the old fit gave up after 100 iterations
        var bench = data("bench-intensity.csv.gz");
        var fit = LogisticRegression.fit(bench.get("retained"), Predictor.of("intensity", bench.get("intensity")));
        assertMatchesR("bench.ml", fit);
        assertThat(fit.iterations()).isLessThanOrEqualTo((int) expected("bench.ml.iterations") + 2);
    }
}

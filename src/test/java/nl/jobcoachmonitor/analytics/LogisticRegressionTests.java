package nl.jobcoachmonitor.analytics;

import static nl.jobcoachmonitor.analytics.Reference.assertMatches;
import static nl.jobcoachmonitor.analytics.Reference.mtcars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.jobcoachmonitor.analytics.LogisticFit.Status;

class LogisticRegressionTests {

    /** R names the intercept "(Intercept)". */
    private static final Map<String, String> R_NAMES = Map.of(Coefficient.INTERCEPT, "(Intercept)");

    @Test
    void matchesRsGlmForTransmissionOnHorsepowerAndWeight() {
        var fit = LogisticRegression.fit(mtcars("am"), Predictor.of("hp", mtcars("hp")),
                Predictor.of("wt", mtcars("wt")));

        assertMatchesR("glm_am_hp_wt", fit);
        assertThat(fit.coefficients()).extracting(Coefficient::name).containsExactly("intercept", "hp", "wt");
    }

    @Test
    void matchesRsGlmForEngineShapeOnMileageAndTransmission() {
        var fit = LogisticRegression.fit(mtcars("vs"), Predictor.of("mpg", mtcars("mpg")),
                Predictor.of("am", mtcars("am")));

        assertMatchesR("glm_vs_mpg_am", fit);
    }

    private static void assertMatchesR(String model, LogisticFit fit) {
        assertThat(fit.estimable()).isTrue();
        assertThat(fit.converged()).isTrue();
        assertThat(fit.iterations()).isBetween(2, 20);
        assertThat(fit.n()).isEqualTo((int) Reference.expected(model + ".n"));
        assertMatches(model + ".deviance", fit.deviance());
        assertMatches(model + ".nullDeviance", fit.nullDeviance());
        for (Coefficient c : fit.coefficients()) {
            String prefix = model + "." + R_NAMES.getOrDefault(c.name(), c.name()) + ".";
            assertMatches(prefix + "estimate", c.estimate());
            assertMatches(prefix + "standardError", c.standardError());
            assertMatches(prefix + "z", c.z());
            assertMatches(prefix + "pValue", c.pValue());
            assertMatches(prefix + "lower", c.lower());
            assertMatches(prefix + "upper", c.upper());
            assertMatches(prefix + "oddsRatio", c.oddsRatio());
            assertMatches(prefix + "oddsRatioLower", c.oddsRatioLower());
            assertMatches(prefix + "oddsRatioUpper", c.oddsRatioUpper());
        }
    }

    @Test
    void leavesOutObservationsWithAMissingValue() {
        double[] am = mtcars("am");
        double[] hp = mtcars("hp");
        double[] wt = mtcars("wt");
        var complete = LogisticRegression.fit(am, Predictor.of("hp", hp), Predictor.of("wt", wt));
        double[] amWithMissing = Arrays.copyOf(am, am.length + 2);
        double[] hpWithMissing = Arrays.copyOf(hp, hp.length + 2);
        double[] wtWithMissing = Arrays.copyOf(wt, wt.length + 2);
        amWithMissing[am.length] = Double.NaN;
        wtWithMissing[wt.length + 1] = Double.NaN;

        var withMissing = LogisticRegression.fit(amWithMissing, Predictor.of("hp", hpWithMissing),
                Predictor.of("wt", wtWithMissing));

        assertThat(withMissing.n()).isEqualTo(32);
        assertThat(withMissing.coefficients()).isEqualTo(complete.coefficients());
    }

    @Test
    void perfectSeparationCannotBeEstimated() {
        double[] x = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        double[] y = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 };

        var fit = LogisticRegression.fit(y, Predictor.of("x", x));

        assertThat(fit.status()).isEqualTo(Status.SEPARATION);
        assertThat(fit.estimable()).isFalse();
        assertThat(fit.converged()).isFalse();
        assertThat(fit.coefficients()).isEmpty();
        assertThat(fit.coefficient("x")).isEmpty();
        assertThat(fit.n()).isEqualTo(10);
    }

    @Test
    void quasiCompleteSeparationCannotBeEstimated() {
        // everyone in group 1 has the outcome; group 0 is mixed
        double[] group = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 };
        double[] y = { 0, 1, 0, 1, 0, 0, 1, 1, 1, 1 };

        var fit = LogisticRegression.fit(y, Predictor.of("group", group));

        assertThat(fit.status()).isEqualTo(Status.SEPARATION);
    }

    @Test
    void aPredictorThatIsAnotherPlusAConstantCannotBeEstimated() {
        double[] hp = mtcars("hp");
        double[] hpPlusTen = Arrays.stream(hp).map(v -> v + 10).toArray();

        var fit = LogisticRegression.fit(mtcars("am"), Predictor.of("hp", hp), Predictor.of("hp10", hpPlusTen));

        assertThat(fit.status()).isEqualTo(Status.COLLINEAR_PREDICTORS);
        assertThat(fit.coefficients()).isEmpty();
    }

    @Test
    void aPredictorThatIsASumOfOthersCannotBeEstimated() {
        double[] hp = mtcars("hp");
        double[] wt = mtcars("wt");
        double[] sum = new double[hp.length];
        Arrays.setAll(sum, i -> 0.1 * hp[i] + 0.7 * wt[i]);

        var fit = LogisticRegression.fit(mtcars("am"), Predictor.of("hp", hp), Predictor.of("wt", wt),
                Predictor.of("sum", sum));

        assertThat(fit.status()).isEqualTo(Status.COLLINEAR_PREDICTORS);
    }

    @Test
    void aConstantPredictorCannotBeEstimated() {
        double[] ones = new double[32];
        Arrays.fill(ones, 1);
        double[] zeros = new double[32];

        assertThat(LogisticRegression.fit(mtcars("am"), Predictor.of("one", ones)).status())
                .isEqualTo(Status.COLLINEAR_PREDICTORS);
        assertThat(LogisticRegression.fit(mtcars("am"), Predictor.of("zero", zeros)).status())
                .isEqualTo(Status.COLLINEAR_PREDICTORS);
    }

    @Test
    void anOutcomeThatIsAlwaysOneCannotBeEstimated() {
        double[] y = new double[32];
        Arrays.fill(y, 1);

        var fit = LogisticRegression.fit(y, Predictor.of("hp", mtcars("hp")));

        assertThat(fit.status()).isEqualTo(Status.NO_VARIATION_IN_OUTCOME);
        assertThat(fit.events()).isEqualTo(32);
        assertThat(fit.deviance()).isNaN();
    }

    @Test
    void tooFewCompleteObservationsCannotBeEstimated() {
        double[] y = { 0, 1, Double.NaN, 1 };
        double[] x = { 1, 2, 3, Double.NaN };

        var fit = LogisticRegression.fit(y, Predictor.of("x", x));

        assertThat(fit.status()).isEqualTo(Status.TOO_FEW_OBSERVATIONS);
        assertThat(fit.n()).isEqualTo(2);
    }

    @Test
    void anInterceptOnlyModelEstimatesTheLogOdds() {
        double[] y = { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 };

        var fit = LogisticRegression.fit(y);

        assertThat(fit.estimable()).isTrue();
        var intercept = fit.coefficient(Coefficient.INTERCEPT).orElseThrow();
        assertThat(intercept.estimate()).isCloseTo(Math.log(3.0 / 7), within(1e-12));
        assertThat(intercept.standardError()).isCloseTo(Math.sqrt(1.0 / 3 + 1.0 / 7), within(1e-12));
        assertThat(fit.deviance()).isCloseTo(fit.nullDeviance(), within(1e-9));
        assertThat(fit.eventsPerPredictor()).isInfinite();
    }

    @Test
    void warnsWhenThereAreFewerThanTenEventsPerPredictor() {
        var fit = LogisticRegression.fit(mtcars("am"), Predictor.of("hp", mtcars("hp")),
                Predictor.of("wt", mtcars("wt")));

        assertThat(fit.events()).isEqualTo(13);
        assertThat(fit.eventsPerPredictor()).isEqualTo(6.5);
        assertThat(fit.fewEventsPerPredictor()).isTrue();
    }

    @Test
    void refusesInputThatIsAProgrammingError() {
        assertThatIllegalArgumentException().isThrownBy(() -> LogisticRegression.fit(new double[] { 0, 2 }));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LogisticRegression.fit(new double[] { 0, 1 }, Predictor.of("x", 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> LogisticRegression.fit(new double[] { 0, 1 },
                Predictor.of("x", 1, 2), Predictor.of("x", 3, 4)));
        assertThatIllegalArgumentException().isThrownBy(() -> Predictor.of(Coefficient.INTERCEPT, 1, 2));
    }
}

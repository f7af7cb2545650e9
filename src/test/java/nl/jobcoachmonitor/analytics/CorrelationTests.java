package nl.jobcoachmonitor.analytics;

import static nl.jobcoachmonitor.analytics.Reference.assertMatches;
import static nl.jobcoachmonitor.analytics.Reference.mtcars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import nl.jobcoachmonitor.analytics.Correlation.Method;
import nl.jobcoachmonitor.analytics.Correlation.Status;

class CorrelationTests {

    @Test
    void pearsonMatchesRsCorTestForMileageAndWeight() {
        var correlation = Correlation.pearson(mtcars("mpg"), mtcars("wt"));

        assertPearsonMatchesR("pearson_mpg_wt", correlation);
    }

    @Test
    void pearsonUsesThePairsWhereBothArePresentAsRDoes() {
        double[] mpg = mtcars("mpg");
        double[] wt = mtcars("wt");
        mpg[2] = Double.NaN;
        mpg[9] = Double.NaN;
        wt[19] = Double.NaN;

        var correlation = Correlation.pearson(mpg, wt);

        assertPearsonMatchesR("pearson_mpg_wt_missing", correlation);
    }

    private static void assertPearsonMatchesR(String name, Correlation correlation) {
        assertThat(correlation.method()).isEqualTo(Method.PEARSON);
        assertThat(correlation.estimable()).isTrue();
        assertThat(correlation.n()).isEqualTo((int) Reference.expected(name + ".n"));
        assertMatches(name + ".r", correlation.r());
        assertMatches(name + ".lower", correlation.lower());
        assertMatches(name + ".upper", correlation.upper());
        assertMatches(name + ".pValue", correlation.pValue());
        assertThat(correlation.significant()).isTrue();
    }

    @Test
    void spearmanMatchesRsCorTestWithTheTApproximation() {
        var correlation = Correlation.spearman(mtcars("mpg"), mtcars("wt"));

        assertThat(correlation.method()).isEqualTo(Method.SPEARMAN);
        assertThat(correlation.n()).isEqualTo(32);
        assertMatches("spearman_mpg_wt.rho", correlation.r());
        assertMatches("spearman_mpg_wt.pValue", correlation.pValue());
        assertThat(correlation.lower()).isLessThan(correlation.r());
        assertThat(correlation.upper()).isGreaterThan(correlation.r()).isLessThan(0);
    }

    @Test
    void spearmanIntervalUsesTheBonettWrightStandardError() {
        var correlation = Correlation.spearman(mtcars("mpg"), mtcars("wt"));
        double r = correlation.r();
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double se = Math.sqrt((1 + r * r / 2) / (32 - 3));

        assertThat(correlation.lower()).isCloseTo(Math.tanh(z - 1.959963984540054 * se), within(1e-12));
        assertThat(correlation.upper()).isCloseTo(Math.tanh(z + 1.959963984540054 * se), within(1e-12));
    }

    @Test
    void aPerfectCorrelationHasADegenerateIntervalAndPValueZero() {
        double[] x = { 1, 2, 3, 4, 5 };
        double[] y = { 2, 4, 6, 8, 10 };

        var correlation = Correlation.pearson(x, y);

        assertThat(correlation.r()).isEqualTo(1);
        assertThat(correlation.lower()).isEqualTo(1);
        assertThat(correlation.upper()).isEqualTo(1);
        assertThat(correlation.pValue()).isZero();
    }

    @Test
    void fewerThanFourCompletePairsCannotBeEstimated() {
        double[] x = { 1, 2, 3, Double.NaN, 5 };
        double[] y = { 2, 1, 3, 4, Double.NaN };

        var correlation = Correlation.pearson(x, y);

        assertThat(correlation.status()).isEqualTo(Status.TOO_FEW_PAIRS);
        assertThat(correlation.n()).isEqualTo(3);
        assertThat(correlation.r()).isNaN();
        assertThat(correlation.significant()).isFalse();
    }

    @Test
    void aVariableWithoutVariationCannotBeEstimated() {
        double[] x = new double[10];
        Arrays.fill(x, 3);
        double[] y = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

        assertThat(Correlation.pearson(x, y).status()).isEqualTo(Status.NO_VARIATION);
        assertThat(Correlation.spearman(x, y).status()).isEqualTo(Status.NO_VARIATION);
    }

    @Test
    void refusesVariablesOfDifferentLengths() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Correlation.pearson(new double[] { 1, 2 }, new double[] { 1 }));
    }
}

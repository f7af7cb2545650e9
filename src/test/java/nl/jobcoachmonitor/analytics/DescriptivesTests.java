package nl.jobcoachmonitor.analytics;

import static nl.jobcoachmonitor.analytics.Reference.assertMatches;
import static nl.jobcoachmonitor.analytics.Reference.mtcars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DescriptivesTests {

    @Test
    void summaryMatchesRsMeanSdMedianAndTTest() {
        var summary = Summary.of(mtcars("mpg"));

        assertThat(summary.n()).isEqualTo(32);
        assertThat(summary.missing()).isZero();
        assertMatches("mpg.mean", summary.mean());
        assertMatches("mpg.sd", summary.standardDeviation());
        assertMatches("mpg.median", summary.median());
        assertMatches("mpg.meanLower", summary.meanLower());
        assertMatches("mpg.meanUpper", summary.meanUpper());
    }

    @Test
    void theMedianOfAnOddNumberIsTheMiddleValue() {
        assertMatches("hp.median", Summary.of(Arrays.copyOf(mtcars("hp"), 31)).median());
    }

    @Test
    void summaryLeavesOutMissingValues() {
        var summary = Summary.of(Values.of(Arrays.asList(4, null, 8, 6, null)));

        assertThat(summary.n()).isEqualTo(3);
        assertThat(summary.missing()).isEqualTo(2);
        assertThat(summary.mean()).isEqualTo(6);
        assertThat(summary.standardDeviation()).isEqualTo(2);
        assertThat(summary.median()).isEqualTo(6);
    }

    @Test
    void summaryOfTooFewValuesHasNoSpreadOrInterval() {
        assertThat(Summary.of()).isEqualTo(new Summary(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN));
        var one = Summary.of(Double.NaN, 7);
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.mean()).isEqualTo(7);
        assertThat(one.median()).isEqualTo(7);
        assertThat(one.standardDeviation()).isNaN();
        assertThat(one.meanLower()).isNaN();
    }

    @Test
    void proportionMatchesRsWilsonIntervalFromPropTest() {
        var proportion = Proportion.of(Values.of(Arrays.stream(mtcars("am")).boxed().toList()));

        assertThat(proportion.count()).isEqualTo(13);
        assertThat(proportion.n()).isEqualTo(32);
        assertMatches("am.proportion", proportion.estimate());
        assertMatches("am.lower", proportion.lower());
        assertMatches("am.upper", proportion.upper());
    }

    @Test
    void proportionCountsOnlyTheAnswersPresent() {
        var proportion = Proportion.of(Values.ofBooleans(Arrays.asList(true, null, false, true)));

        assertThat(proportion.count()).isEqualTo(2);
        assertThat(proportion.n()).isEqualTo(3);
    }

    @Test
    void aProportionOfNoneOrAllStaysWithinZeroAndOne() {
        var none = Proportion.of(0, 12);
        var all = Proportion.of(12, 12);

        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isBetween(0.0, 1.0);
        assertThat(all.upper()).isEqualTo(1);
        assertThat(all.lower()).isBetween(0.0, 1.0);
        assertThat(Proportion.of(0, 0).estimate()).isNaN();
    }

    @Test
    void refusesWhatIsNotAProportion() {
        assertThatIllegalArgumentException().isThrownBy(() -> Proportion.of(5, 4));
        assertThatIllegalArgumentException().isThrownBy(() -> Proportion.of(1, 0.5));
        assertThat(Values.of(List.of(1, 2.5))).containsExactly(1, 2.5);
    }
}

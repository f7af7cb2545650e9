package nl.jobcoachmonitor.analytics;

import static nl.jobcoachmonitor.analytics.ModelReference.data;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.jobcoachmonitor.analytics.LogisticFit.Method;

/** Which method the report's models use, and when an estimate is too uncertain to show as a number. */
class AssociationModelsTests {

    @Test
    void maximumLikelihoodWithEnoughEventsPerPredictor() {
        var cohort = data("cohort.csv");
        var fit = AssociationModels.logistic(cohort.get("retained"), List.of(Predictor.of("rapport",
                cohort.get("rapport"))));
        assertThat(fit.fewEventsPerPredictor()).isFalse();
        assertThat(fit.method()).isEqualTo(Method.MAXIMUM_LIKELIHOOD);
    }

    @Test
    void firthWhenEventsPerPredictorAreFewOrMaximumLikelihoodSeparates() {
        var small = data("small.csv");
        var adjusted = AssociationModels.logistic(small.get("retained"),
                AssociationModels.PREDICTORS.stream().map(x -> Predictor.of(x, small.get(x))).toList());
        assertThat(adjusted.estimable()).isTrue();
        assertThat(adjusted.method()).isEqualTo(Method.FIRTH);

        var separated = data("separated.csv");
        var fit = AssociationModels.logistic(separated.get("y"), List.of(Predictor.of("x", separated.get("x"))));
        assertThat(fit.estimable()).isTrue();
        assertThat(fit.method()).isEqualTo(Method.FIRTH);
    }

    @Test
    void anIntervalWhoseBoundsDifferMoreThanAHundredfoldIsTooWide() {
        // the examples: 109 [1.1–10,619] and 132 [1.1–15,485] say nothing; 1.42 [1.1–1.9] does
        assertThat(AnalyticsManagement.tooWide((Math.log(10_619) - Math.log(1.1)) / (2 * Distributions.Z_975)))
                .isTrue();
        assertThat(AnalyticsManagement.tooWide((Math.log(15_485) - Math.log(1.1)) / (2 * Distributions.Z_975)))
                .isTrue();
        assertThat(AnalyticsManagement.tooWide((Math.log(1.9) - Math.log(1.1)) / (2 * Distributions.Z_975)))
                .isFalse();
        // the same rule for maximum likelihood and Firth: the near-separated data set is too wide either way
        var near = data("near-separated.csv");
        var x = Predictor.of("x", near.get("x"));
        var ml = LogisticRegression.fit(near.get("y"), x).coefficient("x").orElseThrow();
        var firth = LogisticRegression.firth(near.get("y"), x).coefficient("x").orElseThrow();
        assertThat(AnalyticsManagement.tooWide(ml.standardError())).isTrue();
        assertThat(AnalyticsManagement.tooWide(firth.standardError())).isTrue();
        assertThat(firth.oddsRatioUpper() / firth.oddsRatioLower()).isGreaterThan(100);
    }
}

package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The instrument checks answers: types, ranges, required items, conditions, waves. */
public class AnswerValidationTests {

    private final Instruments instruments = new Instruments();
    private final Instrument employee = instruments.current("employee");
    private final Instrument coach = instruments.current("coach");

    /** A complete valid employee answer set at T0, as a form posts it (all strings). */
    public static Map<String, Object> completeEmployeeAnswers() {
        var answers = new HashMap<String, Object>();
        answers.put("paid_work", "yes");
        answers.put("hours_week", "24,5");
        answers.put("coach_value", "8");
        answers.put("rapport_1", "4");
        answers.put("rapport_2", "5");
        answers.put("rapport_3", "3");
        answers.put("fit_wishes_1", "4");
        answers.put("fit_wishes_2", "4");
        answers.put("disclosed_employer", "partly");
        answers.put("reaction_employer", "9");
        answers.put("disclosed_colleagues", "no");
        for (WorkValue value : WorkValue.values()) {
            answers.put(value.important(), "4");
            answers.put(value.offered(), "3");
            answers.put(value.achieved(), "5");
        }
        return answers;
    }

    @Test
    void acceptsACompleteValidAnswerSetAndTypesTheAnswers() {
        var result = employee.validate("T0", completeEmployeeAnswers());
        assertThat(result.errors()).isEmpty();
        assertThat(result.answers()).hasSize(11 + 21)
                .containsEntry("paid_work", "yes")
                .containsEntry("hours_week", new java.math.BigDecimal("24.5"))
                .containsEntry("coach_value", 8)
                .containsEntry("rapport_1", 4);
    }

    @Test
    void rejectsOutOfRangeAndUnknownOptions() {
        var answers = completeEmployeeAnswers();
        answers.put("hours_week", "61");
        answers.put("coach_value", "11");
        answers.put("rapport_1", "0");
        answers.put("paid_work", "maybe");
        var result = employee.validate("T0", answers);
        assertThat(result.errors()).containsExactlyInAnyOrder(
                new AnswerError("hours_week", "questionnaire.error.range"),
                new AnswerError("coach_value", "questionnaire.error.option"),
                new AnswerError("rapport_1", "questionnaire.error.option"),
                new AnswerError("paid_work", "questionnaire.error.option"));
        assertThat(result.answers()).doesNotContainKeys("hours_week", "coach_value", "rapport_1", "paid_work");
    }

    @Test
    void rejectsWhatIsNotANumberAndAcceptsTheBoundaries() {
        var answers = completeEmployeeAnswers();
        answers.put("hours_week", "twintig");
        assertThat(employee.validate("T0", answers).errorAt("hours_week")).hasValue("questionnaire.error.number");
        answers.put("hours_week", "-1");
        assertThat(employee.validate("T0", answers).errorAt("hours_week")).hasValue("questionnaire.error.number");
        answers.put("hours_week", "0");
        assertThat(employee.validate("T0", answers).valid()).isTrue();
        answers.put("hours_week", "60.0");
        assertThat(employee.validate("T0", answers).valid()).isTrue();
    }

    @Test
    void rejectsMissingRequiredAnswers() {
        var answers = completeEmployeeAnswers();
        answers.remove("rapport_2");
        answers.put("fit_wishes_1", " ");
        var result = employee.validate("T0", answers);
        assertThat(result.errors()).containsExactlyInAnyOrder(
                new AnswerError("rapport_2", "questionnaire.error.required"),
                new AnswerError("fit_wishes_1", "questionnaire.error.required"));
    }

    @Test
    void aConditionalItemIsRequiredOnlyWhenItsConditionHolds() {
        var answers = completeEmployeeAnswers();
        answers.remove("reaction_employer");
        assertThat(employee.validate("T0", answers).errorAt("reaction_employer"))
                .hasValue("questionnaire.error.required");
        answers.put("disclosed_employer", "no");
        assertThat(employee.validate("T0", answers).valid()).isTrue();
    }

    @Test
    void answersToItemsWhoseConditionIsFalseAreIgnoredAndDropped() {
        var answers = completeEmployeeAnswers();
        answers.put("disclosed_employer", "no");
        answers.put("reaction_employer", "2");
        answers.put("reaction_colleagues", "not even a grade");
        var result = employee.validate("T0", answers);
        assertThat(result.valid()).isTrue();
        assertThat(result.answers()).doesNotContainKeys("reaction_employer", "reaction_colleagues");
    }

    @Test
    void itemsNotAskedAtT0AreRequiredFromT1AndIgnoredAtT0() {
        var answers = completeEmployeeAnswers();
        assertThat(employee.validate("T2", answers).errors()).extracting(AnswerError::item)
                .containsExactlyInAnyOrder("same_employer", "tasks_change");
        answers.put("same_employer", "yes");
        answers.put("tasks_change", "more");
        assertThat(employee.validate("T2", answers).valid()).isTrue();
        var atT0 = employee.validate("T0", answers);
        assertThat(atT0.valid()).isTrue();
        assertThat(atT0.answers()).doesNotContainKeys("same_employer", "tasks_change");
    }

    @Test
    void rejectsAnswersToItemsTheInstrumentDoesNotHave() {
        var answers = completeEmployeeAnswers();
        answers.put("favourite_colour", "blue");
        assertThat(employee.validate("T0", answers).errors())
                .containsExactly(new AnswerError("favourite_colour", "questionnaire.error.unknown"));
    }

    @Test
    void multiChoiceKeepsOptionOrderAndNoneStandsAlone() {
        var answers = new HashMap<String, Object>(Map.of("job_fit", "7", "rapport_coach", "4", "employer_support", "3",
                "life_domains", List.of("housing", "debts"), "care_providers", List.of("none"),
                "care_conflict", "no", "expected_retention", "4", "hours_sufficient", "enough"));
        var result = coach.validate("T1", answers);
        assertThat(result.errors()).isEmpty();
        assertThat(result.answers()).containsEntry("life_domains", List.of("debts", "housing"))
                .doesNotContainKey("care_coordination");
        answers.put("life_domains", List.of("none", "debts"));
        answers.put("care_providers", List.of("general_practitioner"));
        assertThat(coach.validate("T1", answers).errors()).containsExactlyInAnyOrder(
                new AnswerError("life_domains", "questionnaire.error.exclusive"),
                new AnswerError("care_coordination", "questionnaire.error.required"));
        answers.put("life_domains", List.of("astrology"));
        assertThat(coach.validate("T1", answers).errorAt("life_domains")).hasValue("questionnaire.error.option");
    }

    @Test
    void aSectionIsCheckedOnItsOwnWithConditionsOnTheAnswersSoFar() {
        var result = employee.validateSection("disclosure", "T0",
                Map.of("disclosed_employer", "yes", "disclosed_colleagues", "no"), Map.of("paid_work", "yes"));
        assertThat(result.errors()).containsExactly(new AnswerError("reaction_employer", "questionnaire.error.required"));
        var other = employee.validateSection("work", "T0", Map.of("paid_work", "no", "hours_week", "0"), Map.of());
        assertThat(other.valid()).isTrue();
        assertThat(other.answers()).containsOnlyKeys("paid_work", "hours_week");
    }

    @Test
    void storedAnswersReadBackFromJsonValidateAgain() {
        var typed = employee.validate("T0", completeEmployeeAnswers()).answers();
        var fromJson = new HashMap<String, Object>(typed);
        fromJson.put("hours_week", 24.5d);
        assertThat(employee.validate("T0", fromJson).answers()).isEqualTo(typed);
    }
}

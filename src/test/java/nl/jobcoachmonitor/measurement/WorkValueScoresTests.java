package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkValueScoresTests {

    private static Map<String, Object> all(int important, int offered, int achieved) {
        var answers = new HashMap<String, Object>();
        for (WorkValue value : WorkValue.values()) {
            answers.put(value.important(), important);
            answers.put(value.offered(), offered);
            answers.put(value.achieved(), achieved);
        }
        return answers;
    }

    @Test
    void aValueIsACapabilityWhenImportantOfferedAndAchievedAreAllAtLeastFour() {
        assertThat(WorkValueScores.of(all(4, 4, 4)).capabilitySet()).isEqualTo(7);
        assertThat(WorkValueScores.of(all(5, 5, 3)).capabilitySet()).isZero();
        assertThat(WorkValueScores.of(all(3, 5, 5)).capabilitySet()).isZero();
        var answers = all(5, 5, 5);
        answers.put("wv_income_offered", 3);
        answers.put("wv_contacts_achieved", 2);
        var scores = WorkValueScores.of(answers);
        assertThat(scores.capabilitySet()).isEqualTo(5);
        assertThat(scores.capabilities()).doesNotContain(WorkValue.INCOME, WorkValue.CONTACTS);
    }

    @Test
    void theDiscrepancyIsImportanceMinusAchievementAndAGapIsImportantButNotAchieved() {
        var answers = all(2, 2, 2);
        answers.put("wv_income_important", 5);
        answers.put("wv_income_achieved", 1);
        answers.put("wv_decisions_important", 4);
        answers.put("wv_decisions_achieved", 3);
        answers.put("wv_contacts_important", 1);
        answers.put("wv_contacts_achieved", 5);
        var scores = WorkValueScores.of(answers);
        assertThat(scores.discrepancies()).containsEntry(WorkValue.INCOME, 4).containsEntry(WorkValue.DECISIONS, 1)
                .containsEntry(WorkValue.CONTACTS, -4).containsEntry(WorkValue.USE_SKILLS, 0);
        assertThat(scores.gaps()).containsExactlyInAnyOrder(WorkValue.INCOME, WorkValue.DECISIONS);
    }

    @Test
    void aValueWithAMissingAnswerCountsForNothingAndStringAnswersAreRead() {
        var answers = new HashMap<String, Object>(Map.of("wv_income_important", "5", "wv_income_offered", "4",
                "wv_income_achieved", "4", "wv_contribute_important", 5, "wv_contribute_achieved", 1));
        var scores = WorkValueScores.of(answers);
        assertThat(scores.capabilities()).containsExactly(WorkValue.INCOME);
        assertThat(scores.discrepancies()).containsOnlyKeys(WorkValue.INCOME);
        assertThat(scores.gaps()).isEmpty();
    }
}

package nl.jobcoachmonitor.measurement;

/** A respondent submitted a questionnaire of a wave (exactly once per wave and respondent). */
public record QuestionnaireCompleted(long trajectoryId, long waveId, String waveCode, Respondent respondent,
        long responseId) {
}

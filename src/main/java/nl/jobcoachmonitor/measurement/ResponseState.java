package nl.jobcoachmonitor.measurement;

/** How far a respondent is with the questionnaire of a wave. */
public enum ResponseState {
    NOT_ASKED, NOT_STARTED, STARTED, COMPLETED
}

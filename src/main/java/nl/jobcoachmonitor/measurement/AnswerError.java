package nl.jobcoachmonitor.measurement;

/** An answer the instrument refuses, with the message key shown at the item. */
public record AnswerError(String item, String messageKey) {

    static final String REQUIRED = "questionnaire.error.required";
    static final String OPTION = "questionnaire.error.option";
    static final String NUMBER = "questionnaire.error.number";
    static final String RANGE = "questionnaire.error.range";
    static final String EXCLUSIVE = "questionnaire.error.exclusive";
    static final String UNKNOWN = "questionnaire.error.unknown";
}

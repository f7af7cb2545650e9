package nl.jobcoachmonitor.trajectory;

/** What an employee may consent to: research use of their data, sharing their questionnaire answers with the employer. */
public enum ConsentPurpose {
    RESEARCH, EMPLOYER_SHARING
}

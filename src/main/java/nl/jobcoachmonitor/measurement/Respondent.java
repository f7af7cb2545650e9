package nl.jobcoachmonitor.measurement;

/** Who answers a questionnaire of a wave, and which instrument they answer. */
public enum Respondent {
    EMPLOYEE("employee"), COACH("coach"), EMPLOYER("employer");

    private final String instrument;

    Respondent(String instrument) {
        this.instrument = instrument;
    }

    public String instrument() {
        return instrument;
    }
}

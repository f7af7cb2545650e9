package nl.jobcoachmonitor.coaching;

/** Who the coach was in contact with. */
public enum Party {
    EMPLOYEE, EMPLOYER, COLLEAGUES, CARE_PROVIDER, RELATIVES, OTHER;

    /** The three groups the intensity chart shows: employee, employer (incl. colleagues), others. */
    public String group() {
        return switch (this) {
            case EMPLOYEE -> "EMPLOYEE";
            case EMPLOYER, COLLEAGUES -> "EMPLOYER";
            default -> "OTHER";
        };
    }
}

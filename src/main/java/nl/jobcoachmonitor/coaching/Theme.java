package nl.jobcoachmonitor.coaching;

/** Themes of the guidance, from the study (INSTRUMENTS.md, contact log). */
public enum Theme {
    LIMITS(Side.EMPLOYEE), STRESS(Side.EMPLOYEE), WORK_LIFE_BALANCE(Side.EMPLOYEE), COMMUNICATION(Side.EMPLOYEE),
    VULNERABILITY(Side.EMPLOYEE), DISCLOSURE(Side.EMPLOYEE), CHANGES_EVENTS(Side.EMPLOYEE), DEBTS(Side.EMPLOYEE),
    PRACTICAL_ARRANGEMENTS(Side.EMPLOYEE), SELF_MANAGEMENT(Side.EMPLOYEE), GROWTH(Side.EMPLOYEE),
    JOB_SEARCH(Side.EMPLOYEE),
    DEALING_WITH_EMPLOYEE(Side.EMPLOYER), ADJUSTMENTS(Side.EMPLOYER), REGULATIONS(Side.EMPLOYER),
    CARE_COORDINATION(Side.OTHER), RELATIVES(Side.OTHER);

    public enum Side { EMPLOYEE, EMPLOYER, OTHER }

    private final Side side;

    Theme(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /** The stable code used in exports: {@code work_life_balance}. */
    public String code() {
        return name().toLowerCase();
    }
}

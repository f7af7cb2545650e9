package nl.jobcoachmonitor.measurement;

/** The seven work values of the Capability Set for Work (Abma et al., 2016), by their item code part. */
public enum WorkValue {
    USE_SKILLS, DEVELOP_SKILLS, DECISIONS, CONTACTS, OWN_GOALS, INCOME, CONTRIBUTE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String important() {
        return "wv_" + code() + "_important";
    }

    public String offered() {
        return "wv_" + code() + "_offered";
    }

    public String achieved() {
        return "wv_" + code() + "_achieved";
    }
}

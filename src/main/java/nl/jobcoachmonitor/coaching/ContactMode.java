package nl.jobcoachmonitor.coaching;

public enum ContactMode {
    WORKPLACE_VISIT, HOME_VISIT, OFFICE, PHONE, VIDEO, MESSAGE
}

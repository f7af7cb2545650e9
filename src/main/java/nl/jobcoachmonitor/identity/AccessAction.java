package nl.jobcoachmonitor.identity;

/** What was done with a person's data, for the access log. */
public enum AccessAction {
    READ, SEARCH, CREATE, CHANGE, DELETE, EXPORT
}

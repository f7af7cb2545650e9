package nl.jobcoachmonitor.organisation;

public enum CommissionerKind {
    MUNICIPALITY, UWV
}

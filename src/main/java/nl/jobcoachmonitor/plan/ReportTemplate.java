package nl.jobcoachmonitor.plan;

/** Which report format a commissioner asks for: UWV's, or a municipality's own. */
public enum ReportTemplate {
    UWV, MUNICIPALITY
}

package nl.jobcoachmonitor.audit;

/** The event types a privacy officer searches for: the actions, and refused requests of any action. */
enum AuditEventType {
    READ, SEARCH, CREATE, CHANGE, DELETE, EXPORT, DENIED
}

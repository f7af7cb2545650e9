/**
 * What operators need (README "Operating"): the application answers 503 with a short page in the reader's language
 * while it is starting (not ready: migrations, the demo cohort) and while the database cannot be reached, and it counts
 * what it does for Prometheus (contacts logged, questionnaires completed, report duration, signals raised). Listens to
 * the other modules' events; nothing depends on it.
 */
package nl.jobcoachmonitor.operations;

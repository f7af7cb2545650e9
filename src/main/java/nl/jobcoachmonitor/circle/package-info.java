/**
 * The knowledge circle (kenniskring jobcoaching): meetings of jobcoaches of all organisations, live polls and questions
 * during a meeting, meeting reports, knowledge cards per contact theme and calls for research participation. The
 * organiser is a staff user with the capability {@link nl.jobcoachmonitor.identity.CurrentUser#CIRCLE_ORGANISER}
 * (derived from {@code circle.organiser_id}). No employee data reaches the circle except aggregates with the study
 * report's small-cell rules.
 */
package nl.jobcoachmonitor.circle;

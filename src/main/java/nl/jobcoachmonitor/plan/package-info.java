/**
 * The coaching plan and the accountability to the commissioner: goals per trajectory in the employee's own words,
 * contacts linked to them, the rules of each commissioner's grant (hours per period, duration, report moments,
 * report template, satisfaction norm), hours used against hours granted, the health-free accountability report in
 * signed versions, and the yearly satisfaction report.
 */
package nl.jobcoachmonitor.plan;

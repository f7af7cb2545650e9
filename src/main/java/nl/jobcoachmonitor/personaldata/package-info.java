/**
 * The person's own rights over their data: the own-data page an employee opens by a personal link (their data, their
 * answers, who accessed them, a correction request, downloads as JSON and CSV), and retention: erasing a person's
 * identifying data after their trajectories have been closed for a period, or on request by an administrator.
 */
package nl.jobcoachmonitor.personaldata;

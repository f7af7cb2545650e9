package nl.jobcoachmonitor.trajectory;

/**
 * Who a mail about a trajectory concerns, for the measurement module's questionnaire invitations and reminders: the
 * employee (name and e-mail address as recorded), their coach and the employer. {@code employeeEmail} and
 * {@code employerName} may be null.
 */
public record TrajectoryParties(long trajectoryId, long employeeId, String employeeFirstName, String employeeName,
        String employeeEmail, String coachName, String employerName) {
}

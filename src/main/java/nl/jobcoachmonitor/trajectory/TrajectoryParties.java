package nl.jobcoachmonitor.trajectory;

/**
 * Who a mail about a trajectory concerns, for the measurement module's questionnaire invitations and reminders: the
 * employee (name and e-mail address as recorded), their coach (with the coach's address and organisation, to sign
 * with and to be reached at) and the employer. {@code employeeEmail} and
 * {@code employerName} may be null.
 */
public record TrajectoryParties(long trajectoryId, long employeeId, String employeeFirstName, String employeeName,
        String employeeEmail, String coachName, String employerName, String coachEmail, String organisationName) {

    /** Without the coach's address and organisation (a mail then signs with the coach's name only). */
    public TrajectoryParties(long trajectoryId, long employeeId, String employeeFirstName, String employeeName,
            String employeeEmail, String coachName, String employerName) {
        this(trajectoryId, employeeId, employeeFirstName, employeeName, employeeEmail, coachName, employerName, null,
                null);
    }
}

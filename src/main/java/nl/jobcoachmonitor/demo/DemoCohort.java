package nl.jobcoachmonitor.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The demo cohort in memory, before it is written. Rows refer to each other by their index in these lists;
 * {@link DemoData} maps the indexes to the ids the database generates.
 */
record DemoCohort(List<Organisation> organisations, List<Commissioner> commissioners, List<Employer> employers,
        List<User> users, List<Employee> employees, List<Trajectory> trajectories) {

    record Organisation(String name, String city) {
    }

    record Commissioner(String name, String kind) {
    }

    record Employer(int organisation, String name, String city, String sector) {
    }

    /** A staff account; {@code organisation} and {@code commissioner} are indexes or null. */
    record User(String username, String displayName, String email, String role, Integer organisation,
            Integer commissioner) {
    }

    record Employee(int organisation, String firstName, String lastName, LocalDate birthDate, String email,
            String phone) {
    }

    record Job(String title, BigDecimal contractHours, String contractType, LocalDate startedOn) {
    }

    record PhaseStep(String fromPhase, String toPhase, LocalDate changedOn, String closingReason) {
    }

    /** Only the fields that changed are filled, as in the application. */
    record JobChange(LocalDate changedOn, String kind, String jobTitle, BigDecimal contractHours,
            String contractType, Integer employer, String note) {
    }

    record Contact(LocalDate contactOn, int minutes, String party, String mode, String note,
            OffsetDateTime loggedAt, List<String> themes) {
    }

    /** A trajectory with its history; {@code coach} and {@code assignedBy} are user indexes. */
    record Trajectory(int employee, int organisation, int coach, int assignedBy, int commissioner, Integer employer,
            String phase, String closingReason, LocalDate startedOn, LocalDate closedOn, Job job,
            List<PhaseStep> phases, List<JobChange> jobChanges, List<Contact> contacts, List<Wave> waves) {
    }

    /** A measurement wave (T0, T1, …) with the responses given to it. */
    record Wave(String code, LocalDate dueOn, String status, List<Answered> responses) {
    }

    /** A response: completed on a day, or started and left half-way; paper answers were entered by the coach. */
    record Answered(String respondent, java.util.Map<String, Object> answers, LocalDate on, boolean completed,
            boolean enteredByCoach) {
    }

    long coachCount() {
        return users.stream().filter(user -> user.role().equals("COACH")).count();
    }

    long responseCount() {
        return trajectories.stream().flatMap(t -> t.waves().stream()).mapToLong(w -> w.responses().size()).sum();
    }

    long contactCount() {
        return trajectories.stream().mapToLong(trajectory -> trajectory.contacts().size()).sum();
    }
}

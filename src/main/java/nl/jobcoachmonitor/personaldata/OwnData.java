package nl.jobcoachmonitor.personaldata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the application holds about one employee, as they see and download it (GDPR art. 15 and 20). Codes
 * (phase, party, theme, ...) are shown with their label in the reader's language; the downloads carry both.
 *
 * <p>The coach's free-text notes of contacts are included: under the right of access a person gets the personal data
 * about them, and a note about a conversation with them is that. (Notes are short and factual by design; a coach who
 * writes one writes it knowing the employee can read it.)
 */
record OwnData(Person person, List<TrajectoryData> trajectories, Instant madeAt) {

    record Person(long id, String firstName, String lastName, LocalDate birthDate, String email, String phone) {
    }

    record TrajectoryData(long id, String phase, String closingReason, LocalDate startedOn, LocalDate closedOn,
            String coach, String organisation, String commissioner, String employer, Job job, List<PhaseStep> phases,
            List<JobStep> jobChanges, List<ContactData> contacts) {
    }

    record Job(String title, BigDecimal contractHours, String contractType, LocalDate startedOn) {
    }

    record PhaseStep(LocalDate changedOn, String fromPhase, String toPhase, String closingReason) {
    }

    record JobStep(LocalDate changedOn, String kind, String jobTitle, BigDecimal contractHours, String contractType,
            String employer, String note) {
    }

    record ContactData(LocalDate date, int minutes, String party, String mode, List<String> themes, String note) {
    }
}

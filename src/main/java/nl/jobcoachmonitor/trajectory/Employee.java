package nl.jobcoachmonitor.trajectory;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** The coached young adult. Personal data: every read is logged. */
record Employee(@Id Long id, Long organisationId, String firstName, String lastName, LocalDate birthDate,
        String email, String phone, @Version Integer version) {

    String fullName() {
        return firstName + " " + lastName;
    }

    int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }
}

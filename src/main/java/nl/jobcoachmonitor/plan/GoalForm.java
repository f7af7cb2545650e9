package nl.jobcoachmonitor.plan;

import java.time.LocalDate;
import java.util.Set;

import nl.jobcoachmonitor.coaching.Theme;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new goal: the employee's own words, the themes it concerns, whom it was agreed with, when it is reviewed. */
public record GoalForm(
        @NotBlank @Size(max = 300) String description,
        Set<Theme> themes,
        Boolean agreedWithEmployee,
        Boolean agreedWithEmployer,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull LocalDate reviewOn) {

    public static GoalForm empty(LocalDate today) {
        return new GoalForm("", Set.of(), true, false, today.plusMonths(3));
    }
}

package nl.jobcoachmonitor.plan;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A review of a goal: achieved, partly, not, or changed (then with the new wording). A goal still worked on gets a
 * next review date.
 */
public record ReviewGoalForm(
        @NotNull GoalStatus status,
        @Size(max = 300) String remark,
        @Size(max = 300) String newDescription,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextReviewOn) {
}

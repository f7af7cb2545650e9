package nl.jobcoachmonitor.trajectory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A new trajectory for an existing employee ({@code employeeId}) or a new one (name and birth date), at an employer
 * from the address book ({@code employerId}) or a new one ({@code newEmployerName}). A coach starts it in their own
 * caseload; a manager chooses the coach ({@code coachId}).
 */
public record StartTrajectoryForm(
        Long employeeId,
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Past LocalDate birthDate,
        @Email @Size(max = 200) String email,
        @Size(max = 40) String phone,
        @NotNull Long commissionerId,
        @NotNull TrajectoryPhase phase,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @NotNull @PastOrPresent LocalDate startedOn,
        Long employerId,
        @Size(max = 200) String newEmployerName,
        @Size(max = 200) String jobTitle,
        @DecimalMin("1") @DecimalMax("60") BigDecimal contractHours,
        ContractType contractType,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PastOrPresent LocalDate jobStartedOn,
        Long coachId) {

    public static StartTrajectoryForm empty(LocalDate today) {
        return new StartTrajectoryForm(null, "", "", null, "", "", null, TrajectoryPhase.COACHING, today, null, "",
                "", null, ContractType.TEMPORARY, today, null);
    }

    /** Every rule across fields this form breaks, all at once (the management checks them again, one by one). */
    public List<DomainRuleViolation> rulesBroken() {
        var broken = new ArrayList<DomainRuleViolation>();
        if (isNewEmployee()) {
            if (firstName == null || firstName.isBlank()) {
                broken.add(new DomainRuleViolation("firstName", "NotBlank"));
            }
            if (lastName == null || lastName.isBlank()) {
                broken.add(new DomainRuleViolation("lastName", "NotBlank"));
            }
            if (birthDate == null) {
                broken.add(new DomainRuleViolation("birthDate", "NotNull"));
            }
        }
        if (phase == TrajectoryPhase.COACHING) {
            broken.addAll(Job.missing("employerId",
                    employerId != null || (newEmployerName != null && !newEmployerName.isBlank()), jobTitle,
                    contractHours));
        }
        return broken;
    }

    boolean isNewEmployee() {
        return employeeId == null;
    }

    Job job() {
        if (jobTitle == null || jobTitle.isBlank()) {
            return null;
        }
        return new Job(jobTitle.trim(), contractHours, contractType, jobStartedOn != null ? jobStartedOn : startedOn);
    }
}

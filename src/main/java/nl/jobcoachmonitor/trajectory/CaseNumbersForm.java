package nl.jobcoachmonitor.trajectory;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The commissioner's numbers of a trajectory: the client number it knows the employee by and its order or case
 * number. Both optional; letters, digits, spaces and {@code . / - _}, as commissioners write them.
 */
public record CaseNumbersForm(
        @Size(max = 40) @Pattern(regexp = "[\\p{L}\\p{N} ./_-]*") String clientNumber,
        @Size(max = 40) @Pattern(regexp = "[\\p{L}\\p{N} ./_-]*") String caseNumber) {

    /** The number as stored: trimmed, null when empty. */
    static String clean(String number) {
        return number == null || number.isBlank() ? null : number.strip();
    }
}

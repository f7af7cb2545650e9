package nl.jobcoachmonitor.circle.live;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A question or addition: its text (at most {@value #MAX_LENGTH} characters), whether to show the author's name, and
 * the key made when the form was shown (the same form sent twice stores one question).
 */
record QuestionForm(
        @NotBlank
        @Size(max = QuestionForm.MAX_LENGTH) String text,
        Boolean showName,
        @NotBlank @Size(max = 36) String submissionKey) {

    static final int MAX_LENGTH = 500;

    static QuestionForm empty() {
        return new QuestionForm("", false, java.util.UUID.randomUUID().toString());
    }

    /** Whether the author's name is shown: only when ticked (an unticked box sends nothing). */
    boolean namesAuthor() {
        return Boolean.TRUE.equals(showName);
    }
}

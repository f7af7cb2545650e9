package nl.jobcoachmonitor.measurement.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Pattern;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.IdempotentRequests;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.measurement.WaveSummary;
import nl.jobcoachmonitor.shared.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API for the measurement waves of a trajectory: the waves and how far each respondent is, a completed response,
 * and answers the coach submits (their own questionnaire, or the employee's answers given on paper). Submitting takes an
 * {@code Idempotency-Key}: a retry with the same key returns the first result and stores nothing new.
 */
@RestController
@RequestMapping("/api/v1/trajectories/{id}/waves")
@Tag(name = "Measurement")
class MeasurementApi {

    private final MeasurementManagement measurement;
    private final IdempotentRequests idempotent;
    private final MessageSource messages;

    MeasurementApi(MeasurementManagement measurement, IdempotentRequests idempotent,
            MessageSource messages) {
        this.measurement = measurement;
        this.idempotent = idempotent;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The measurement waves of a trajectory and how far each respondent is")
    List<WaveSummary> waves(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return measurement.waves(user, id);
    }

    /** The answers, keyed by item code (see the instrument's codebook). */
    record Answers(Map<String, Object> answers) {
    }

    @PostMapping("/{waveId}/responses/{respondent}")
    @Operation(summary = "Submit the coach's questionnaire (respondent COACH) or the employee's answers given on paper "
            + "(EMPLOYEE); once per wave and respondent")
    ResponseEntity<MeasurementManagement.SubmittedResponse> submit(@AuthenticationPrincipal CurrentUser user,
            @PathVariable long id, @PathVariable long waveId, @PathVariable String respondent,
            @Parameter(description = "Any unique string of up to 100 characters; a retry with the same key returns "
                    + "the first result")
            @RequestHeader(name = "Idempotency-Key", required = false) @Pattern(regexp = "[\\x21-\\x7e]{1,100}")
            String key, @RequestBody Answers body) {
        Respondent who = respondent(respondent, waveId);
        Map<String, Object> answers = body == null || body.answers() == null ? Map.of() : body.answers();
        var submitted = key == null ? measurement.submit(user, id, waveId, who, answers)
                : idempotent.once(user.id(), key, hash(id, waveId, who, answers),
                        MeasurementManagement.SubmittedResponse.class,
                        () -> measurement.submit(user, id, waveId, who, answers));
        return ResponseEntity.status(HttpStatus.CREATED).body(submitted);
    }

    @GetMapping("/{waveId}/responses/{respondent}")
    @Operation(summary = "A completed response: the answers keyed by item code")
    Map<String, Object> completed(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, @PathVariable String respondent) {
        var response = measurement.completed(user, id, waveId, respondent(respondent, waveId));
        return Map.of("wave", response.wave(), "respondent", response.respondent(), "instrument",
                response.instrument().code(), "instrumentVersion", response.instrument().version(),
                "completedAt", response.completedAt(), "enteredByCoach", response.enteredByCoach(),
                "answers", response.answers());
    }

    @ExceptionHandler(MeasurementManagement.InvalidAnswers.class)
    ResponseEntity<ProblemDetail> invalid(MeasurementManagement.InvalidAnswers e, Locale locale) {
        var problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setDetail(messages.getMessage("api.invalidAnswers", null, locale));
        problem.setProperty("errors", e.errors().stream().map(error -> Map.of("item", error.item(),
                "message", messages.getMessage(error.messageKey(), null, error.messageKey(), locale))).toList());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    private static Respondent respondent(String value, long waveId) {
        for (Respondent r : Respondent.values()) {
            if (r.name().equalsIgnoreCase(value)) {
                return r;
            }
        }
        throw new NotFoundException("response", waveId);
    }

    /** What the key stands for: the same wave, respondent and answers (in any order) are the same request. */
    private String hash(long id, long waveId, Respondent who, Map<String, Object> answers) {
        return idempotent.hash(id + "/" + waveId + "/" + who + "/", new TreeMap<>(answers));
    }
}

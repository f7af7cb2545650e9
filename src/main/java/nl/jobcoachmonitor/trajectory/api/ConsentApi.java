package nl.jobcoachmonitor.trajectory.api;

import java.net.URI;
import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.Consent;
import nl.jobcoachmonitor.trajectory.ConsentManagement;
import nl.jobcoachmonitor.trajectory.RecordConsentForm;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The employee's consent through the JSON API: the same service as the trajectory page's consent section
 * ({@link ConsentManagement}), so the same scoping (another coach's trajectory is 404, logged), the same history (a
 * withdrawal is a new decision) and the same entries in the access log.
 */
@RestController
@RequestMapping("/api/v1/trajectories/{id}/consent")
@Tag(name = "Consent")
class ConsentApi {

    private final ConsentManagement consents;

    ConsentApi(ConsentManagement consents) {
        this.consents = consents;
    }

    /** The decisions that hold now (research, sharing answers with the employer) and the history, newest first. */
    record ConsentView(long trajectoryId, boolean research, boolean employerSharing, List<Consent> history) {

        static ConsentView of(ConsentManagement.ConsentState state) {
            return new ConsentView(state.trajectoryId(), state.research(), state.employerSharing(), state.history());
        }
    }

    @GetMapping
    @Operation(summary = "The employee's consent: what holds now and the history of decisions")
    ConsentView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ConsentView.of(consents.state(user, id));
    }

    @PostMapping
    @Operation(summary = "Record the employee's decision for one purpose (RESEARCH, EMPLOYER_SHARING): given or "
            + "withdrawn, the date and the version of the consent text; earlier decisions stay in the history")
    ResponseEntity<ConsentView> record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @RequestBody RecordConsentForm form) {
        consents.record(user, id, form);
        return ResponseEntity.created(URI.create("/api/v1/trajectories/" + id + "/consent"))
                .body(ConsentView.of(consents.state(user, id)));
    }
}

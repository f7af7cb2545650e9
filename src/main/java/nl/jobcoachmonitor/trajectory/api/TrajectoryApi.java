package nl.jobcoachmonitor.trajectory.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Pattern;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.IdempotentRequests;
import nl.jobcoachmonitor.trajectory.ChangePhaseForm;
import nl.jobcoachmonitor.trajectory.JobChangeForm;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryDetails;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API for trajectories and job changes: the same scoping as the pages (out of scope is 404). */
@RestController
@RequestMapping("/api/v1/trajectories")
@Tag(name = "Trajectories")
class TrajectoryApi {

    private final TrajectoryManagement trajectories;
    private final IdempotentRequests idempotent;

    TrajectoryApi(TrajectoryManagement trajectories, IdempotentRequests idempotent) {
        this.trajectories = trajectories;
        this.idempotent = idempotent;
    }

    @GetMapping
    @Operation(summary = "Trajectories the caller may see: a coach's caseload, a manager's organisation")
    List<TrajectoryDetails> list(@AuthenticationPrincipal CurrentUser user) {
        return trajectories.openAll(user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One trajectory with its phase, job and coach history")
    TrajectoryDetails get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return trajectories.open(user, id);
    }

    @PostMapping
    @Operation(summary = "Start a trajectory for a new or existing employee; with an Idempotency-Key a retry returns "
            + "the trajectory the first request started (the same key with another body: 422)")
    ResponseEntity<TrajectoryDetails> start(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Any unique string of up to 100 characters; a retry with the same key and body "
                    + "returns the first result and starts nothing new")
            @RequestHeader(name = "Idempotency-Key", required = false) @Pattern(regexp = "[\\x21-\\x7e]{1,100}")
            String key, @Validated @RequestBody StartTrajectoryForm form) {
        long id = key == null ? trajectories.start(user, form)
                : idempotent.once(user.id(), key, idempotent.hash("POST /api/v1/trajectories/", form), Long.class,
                        () -> trajectories.start(user, form));
        return ResponseEntity.created(URI.create("/api/v1/trajectories/" + id)).body(trajectories.open(user, id));
    }

    @PostMapping("/{id}/phase")
    @Operation(summary = "Move to another phase; the version must match (409 when someone else changed it)")
    TrajectoryDetails changePhase(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @RequestBody ChangePhaseForm form) {
        trajectories.changePhase(user, id, form);
        return trajectories.open(user, id);
    }

    @GetMapping("/{id}/job-changes")
    @Operation(summary = "The job changes of a trajectory, oldest first")
    List<TrajectoryDetails.JobStep> jobChanges(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return trajectories.open(user, id).jobHistory();
    }

    @PostMapping("/{id}/job-changes")
    @Operation(summary = "Record a job change (more hours, new tasks, other employer, better contract)")
    ResponseEntity<List<TrajectoryDetails.JobStep>> recordJobChange(@AuthenticationPrincipal CurrentUser user,
            @PathVariable long id, @Validated @RequestBody JobChangeForm form) {
        trajectories.recordJobChange(user, id, form);
        return ResponseEntity.status(201).body(trajectories.open(user, id).jobHistory());
    }
}

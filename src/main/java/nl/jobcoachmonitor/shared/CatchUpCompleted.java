package nl.jobcoachmonitor.shared;

import java.util.Map;

/**
 * Published once after a start, when every catch-up job registered with {@link CatchUpState} is done (here or on
 * another instance that held its lock).
 */
public record CatchUpCompleted(Map<String, CatchUpState.Status> jobs) {
}

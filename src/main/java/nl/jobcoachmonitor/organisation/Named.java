package nl.jobcoachmonitor.organisation;

/** An organisation, commissioner or employer as other modules see it: id and name. */
public record Named(long id, String name) {
}

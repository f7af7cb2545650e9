package nl.jobcoachmonitor.circle;

/**
 * A part of a meeting's report that another part of the circle contributes (the live session's poll results and
 * answered questions): the report page inserts {@code ~{template :: fragment(${model})}}.
 *
 * @param template the Thymeleaf template, e.g. {@code circle/live/results}
 * @param fragment the fragment in it, taking one parameter, e.g. {@code summary}
 * @param model    what the fragment shows
 */
public record MeetingHighlight(String template, String fragment, Object model) {
}

/**
 * The live session of a knowledge circle meeting: the organiser opens and closes polls (a competency choice from the
 * circle's competency list; a guess of the work value that matters most to the people coached, then compared with the
 * employees' own answers across all organisations, {@code analytics.WorkValueImportance}), participants (coaches of
 * any organisation, and the organiser) vote and post questions, and every screen follows by server-sent events.
 *
 * <p>A change is stored, then announced on a {@link nl.jobcoachmonitor.circle.live.LiveChannel}: PostgreSQL
 * {@code NOTIFY} (delivered at commit to every application instance) or, on the single-instance H2, in-process after
 * commit. Each instance recomputes the result once and pushes it to its own SSE streams
 * ({@link nl.jobcoachmonitor.circle.live.LiveBroadcaster}). Poll answers are anonymous: counters per option, no row
 * links a voter to a choice. {@link nl.jobcoachmonitor.circle.live.LiveResults} is the public read of a meeting's
 * results (for the meeting report).
 */
package nl.jobcoachmonitor.circle.live;

package nl.jobcoachmonitor.circle.live;

/**
 * What changed in a live session, as announced to every instance: the payload of a PostgreSQL notification is just
 * {@code topic:id} (a poll's id, or a meeting's for the questions); each instance looks up the rest itself.
 */
record LiveChange(Topic topic, long id) {

    enum Topic {
        /** A vote: the poll's counts changed. */
        VOTES,
        /** A poll opened, closed or revealed its data: every screen asks again for its own poll panel. */
        POLL_STATE,
        /** A question was posted, upvoted, answered or hidden (id: the meeting). */
        QUESTIONS,
        /** Anything may have changed, e.g. after the listener lost its connection (id: the meeting). */
        EVERYTHING
    }

    String payload() {
        return topic.name() + ":" + id;
    }

    /** The change a payload names, or null when it names none (a payload from elsewhere is ignored). */
    static LiveChange parse(String payload) {
        if (payload == null) {
            return null;
        }
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return new LiveChange(Topic.valueOf(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package nl.jobcoachmonitor.browser;

import org.junit.jupiter.api.Test;

/** The live session's three screens on one application instance (H2, or PostgreSQL in the postgres run). */
class LiveSessionBrowserTests extends LiveSessionFlow {

    @Test
    void theOrganiserOpensTheCompetencyPollBothCoachesVoteAndEveryScreenShowsTheResult() {
        threeScreens(port, port, port);
    }
}

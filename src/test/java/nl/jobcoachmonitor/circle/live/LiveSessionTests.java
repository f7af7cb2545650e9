package nl.jobcoachmonitor.circle.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Supplier;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The live session through its pages, on the real database: votes (anonymous, once, only while open, the right number
 * of picks), no distribution under 5 answers, questions (length, name only by choice, upvote once, moderation), access,
 * the pushed events, and the data comparison against the employees' own answers.
 */
@IntegrationTest
class LiveSessionTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired LiveResults results;

    LiveFixtures fixtures;
    long meeting;
    String base;

    @BeforeEach
    void meeting() {
        fixtures = new LiveFixtures(jdbc);
        meeting = fixtures.meetingOrganisedBy("manager2", 6);
        base = "/circle/meetings/" + meeting + "/live";
    }

    private String open(String kind) throws Exception {
        mvc.perform(post(base + "/organise/polls").param("kind", kind).with(data.as("manager2")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return String.valueOf(fixtures.openPoll(meeting));
    }

    private MockHttpServletResponse vote(String user, long poll, List<Long> options) throws Exception {
        MockHttpServletRequestBuilder call = post(base + "/polls/" + poll + "/votes").header("HX-Request", "true")
                .with(data.as(user)).with(csrf());
        for (Long o : options) {
            call.param("option", String.valueOf(o));
        }
        return mvc.perform(call).andExpect(status().isOk()).andReturn().getResponse();
    }

    private int ballots(long poll) {
        return jdbc.sql("select ballots from live_poll where id = :p").param("p", poll).query(Integer.class).single();
    }

    private String page(String user) throws Exception {
        return mvc.perform(get(base).with(data.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void votesAreCountedWithoutAnyTraceOfWhoChoseWhat() throws Exception {
        long poll = Long.parseLong(open("COMPETENCIES"));
        List<Long> options = fixtures.options(poll);
        List<String> coaches = fixtures.coaches(6);
        for (int i = 0; i < 6; i++) {
            // everyone picks option 0; then options 1 and 2 for half, 3 and 4 for the other half
            vote(coaches.get(i), poll, i % 2 == 0 ? List.of(options.get(0), options.get(1), options.get(2))
                    : List.of(options.get(0), options.get(3), options.get(4)));
        }
        var result = results.polls(meeting).get(0);
        assertThat(result.ballots()).isEqualTo(6);
        assertThat(result.shown()).isTrue();
        assertThat(result.options().get(0).label()).isEqualTo("Competentie 1");
        assertThat(result.options().get(0).votes()).isEqualTo(6);
        assertThat(result.options().get(0).percent()).isEqualTo(100);
        assertThat(result.options().get(1).votes()).isEqualTo(3);
        // what is stored: counters per option, and voters as keyed hashes only, never a user id
        assertThat(jdbc.sql("select sum(votes) from live_poll_option where poll_id = :p").param("p", poll)
                .query(Integer.class).single()).isEqualTo(18);
        List<String> hashes = jdbc.sql("select voter_hash from live_poll_voter where poll_id = :p").param("p", poll)
                .query(String.class).list();
        assertThat(hashes).hasSize(6).allMatch(h -> h.matches("[0-9a-f]{64}"));
        for (String coach : coaches) {
            assertThat(hashes).doesNotContain(String.valueOf(fixtures.userId(coach)));
        }
        // closing erases the key: afterwards the hashes name no one
        mvc.perform(post(base + "/organise/polls/" + poll + "/close").with(data.as("manager2")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select voter_key from live_poll where id = :p").param("p", poll).query(String.class)
                .optional()).isEmpty();
        // the organiser's screen shows counts, never a participant's name
        String organiserPage = mvc.perform(get(base + "/organise").with(data.as("manager2"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(organiserPage).contains("6 stemmen (100%)");
        for (String coach : coaches) {
            String name = jdbc.sql("select display_name from app_user where username = :u").param("u", coach)
                    .query(String.class).single();
            assertThat(organiserPage).doesNotContain(name);
        }
    }

    @Test
    void aPollWithFewerThanFiveAnswersShowsNoDistribution() throws Exception {
        long poll = Long.parseLong(open("WORK_VALUE"));
        List<Long> options = fixtures.options(poll);
        List<String> coaches = fixtures.coaches(5);
        for (int i = 0; i < 4; i++) {
            vote(coaches.get(i), poll, List.of(options.get(i % 2)));
        }
        assertThat(results.polls(meeting).get(0).shown()).isFalse();
        assertThat(results.polls(meeting).get(0).options()).isEmpty();
        String page = page("coach");
        assertThat(page).contains("Antwoorden: 4").contains("Minder dan 5 antwoorden").doesNotContain("stemmen (");
        vote(coaches.get(4), poll, List.of(options.get(0)));
        assertThat(results.polls(meeting).get(0).shown()).isTrue();
        assertThat(page("coach")).contains("3 stemmen (60%)");
    }

    @Test
    void aSecondVoteIsRefusedAndNotCounted() throws Exception {
        long poll = Long.parseLong(open("WORK_VALUE"));
        List<Long> options = fixtures.options(poll);
        assertThat(vote("coach", poll, List.of(options.get(0))).getContentAsString()).contains("Je stem is geteld");
        assertThat(vote("coach", poll, List.of(options.get(1))).getContentAsString())
                .contains("Je hebt al gestemd op deze vraag");
        assertThat(ballots(poll)).isEqualTo(1);
        assertThat(jdbc.sql("select votes from live_poll_option where id = :o").param("o", options.get(1))
                .query(Integer.class).single()).isZero();
        // the panel says so before one tries again
        assertThat(mvc.perform(get(base + "/poll").with(data.as("coach"))).andReturn().getResponse()
                .getContentAsString()).contains("Je hebt gestemd");
    }

    @Test
    void aVoteAfterTheCloseIsRefusedAndNotStored() throws Exception {
        long poll = Long.parseLong(open("WORK_VALUE"));
        List<Long> options = fixtures.options(poll);
        vote("coach", poll, List.of(options.get(0)));
        mvc.perform(post(base + "/organise/polls/" + poll + "/close").with(data.as("manager2")).with(csrf()));
        assertThat(vote("coach2", poll, List.of(options.get(0))).getContentAsString())
                .contains("Deze vraag is gesloten. Je stem is niet opgeslagen.");
        assertThat(ballots(poll)).isEqualTo(1);
        assertThat(data.count("live_poll_voter", "poll_id = :p", poll)).isEqualTo(1);
    }

    @Test
    void aCompetencyVoteNeedsExactlyThreeDifferentOptionsOfThisPoll() throws Exception {
        long poll = Long.parseLong(open("COMPETENCIES"));
        List<Long> options = fixtures.options(poll);
        assertThat(vote("coach", poll, List.of(options.get(0), options.get(1))).getContentAsString())
                .contains("Kies precies drie competenties");
        assertThat(vote("coach", poll, List.of(options.get(0), options.get(0), options.get(1))).getContentAsString())
                .contains("Kies precies drie competenties");
        long otherMeeting = fixtures.meetingOrganisedBy("manager2", 4);
        mvc.perform(post("/circle/meetings/" + otherMeeting + "/live/organise/polls").param("kind", "COMPETENCIES")
                .with(data.as("manager2")).with(csrf()));
        long foreign = fixtures.options(fixtures.openPoll(otherMeeting)).get(0);
        assertThat(vote("coach", poll, List.of(options.get(0), options.get(1), foreign)).getContentAsString())
                .contains("Kies precies drie competenties");
        assertThat(ballots(poll)).isZero();
        assertThat(vote("coach", poll, List.of(options.get(0), options.get(1), options.get(2))).getContentAsString())
                .contains("Je stem is geteld");
        assertThat(ballots(poll)).isEqualTo(1);
    }

    @Test
    void oneOpenPollAtATime() throws Exception {
        open("COMPETENCIES");
        String flash = String.valueOf(mvc.perform(post(base + "/organise/polls").param("kind", "WORK_VALUE")
                .with(data.as("manager2")).with(csrf())).andReturn().getFlashMap().get("errorMessage"));
        assertThat(flash).isEqualTo("live.poll.alreadyOpen");
        assertThat(data.count("live_poll", "meeting_id = :p", meeting)).isEqualTo(1);
    }

    @Test
    void questionsShowANameOnlyByChoiceAreUpvotedOnceAndModerated() throws Exception {
        String other = fixtures.coachOfAnotherOrganisation();
        ask("coach", "Hoe bespreek je schulden met een werkgever?", true, "k-" + meeting + "-1");
        ask(other, "Aanvulling: het Juridisch Loket helpt ook.", false, "k-" + meeting + "-2");
        ask(other, "Iets ongepasts", false, "k-" + meeting + "-3");
        var questions = results.questions(meeting, false);
        assertThat(questions).extracting(LiveResults.Question::authorName).containsExactlyInAnyOrder("Sanne de Vries",
                null, null);
        long first = questions.stream().filter(q -> q.text().startsWith("Hoe")).findFirst().orElseThrow().id();
        long rude = questions.stream().filter(q -> q.text().startsWith("Iets")).findFirst().orElseThrow().id();

        assertThat(upvote(other, first)).contains("Je steunt deze vraag.");
        assertThat(upvote(other, first)).contains("Je steunt deze vraag al");
        assertThat(upvote("coach2", first)).contains("Je steunt deze vraag.");
        assertThat(results.questions(meeting, false)).filteredOn(q -> q.id() == first)
                .extracting(LiveResults.Question::upvotes).containsExactly(2);

        // moderation: a participant may not; the organiser marks answered and hides
        mvc.perform(post(base + "/organise/questions/" + rude + "/hide").with(data.as("coach")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/organise/questions/" + rude + "/hide").header("HX-Request", "true")
                .with(data.as("manager2")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(post(base + "/organise/questions/" + first + "/answered").header("HX-Request", "true")
                .with(data.as("manager2")).with(csrf())).andExpect(status().isNoContent());
        assertThat(page("coach")).doesNotContain("Iets ongepasts").contains("Sanne de Vries").contains("beantwoord");
        assertThat(mvc.perform(get(base + "/organise").with(data.as("manager2"))).andReturn().getResponse()
                .getContentAsString()).contains("Iets ongepasts").contains("verborgen");
        // a hidden question cannot be upvoted; what the report gets: the answered ones
        mvc.perform(post(base + "/questions/" + rude + "/upvote").with(data.as("coach2")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(results.of(meeting).answeredQuestions()).extracting(LiveResults.Question::text)
                .containsExactly("Hoe bespreek je schulden met een werkgever?");
    }

    @Test
    void anOverLongQuestionIsRefusedWithAMessageAndTheSameFormTwiceIsStoredOnce() throws Exception {
        String tooLong = ask("coach", "x".repeat(501), false, "long-" + meeting);
        assertThat(tooLong).contains("Je vraag is te lang: ten hoogste 500 tekens.");
        assertThat(data.count("live_question", "meeting_id = :p", meeting)).isZero();
        assertThat(ask("coach", " ", false, "blank-" + meeting)).contains("Schrijf je vraag of aanvulling.");
        ask("coach", "y".repeat(500), false, "same-" + meeting);
        ask("coach", "y".repeat(500), false, "same-" + meeting);
        assertThat(data.count("live_question", "meeting_id = :p", meeting)).isEqualTo(1);
        // the box left unticked sends nothing at all: anonymous
        mvc.perform(post(base + "/questions").param("text", "Zonder vinkje").param("submissionKey", "box-" + meeting)
                .with(data.as("coach")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(results.questions(meeting, false)).filteredOn(q -> q.text().equals("Zonder vinkje"))
                .extracting(LiveResults.Question::authorName).containsExactly((String) null);
    }

    @Test
    void onlyCoachesAndTheCirclesOrganiserTakePart() throws Exception {
        mvc.perform(get(base).with(data.as("coach"))).andExpect(status().isOk());
        mvc.perform(get(base).with(data.as("manager2"))).andExpect(status().isOk());
        // a manager who organises another circle: may run their own, not this one, nor take part here
        long othersMeeting = fixtures.meetingOrganisedBy("manager3", 4);
        mvc.perform(get(base).with(data.as("manager3"))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/organise").with(data.as("manager3"))).andExpect(status().isNotFound());
        mvc.perform(get("/circle/meetings/" + othersMeeting + "/live/organise").with(data.as("manager3")))
                .andExpect(status().isOk());
        // a coach cannot run it; a researcher cannot take part; an unknown meeting is not found
        mvc.perform(get(base + "/organise").with(data.as("coach"))).andExpect(status().isForbidden());
        mvc.perform(get(base).with(data.as("onderzoeker"))).andExpect(status().isForbidden());
        mvc.perform(get("/circle/meetings/999999999/live").with(data.as("coach"))).andExpect(status().isNotFound());
    }

    @Test
    void aVoteIsPushedToTheOpenStreams() throws Exception {
        long poll = Long.parseLong(open("WORK_VALUE"));
        var stream = mvc.perform(get(base + "/events").with(data.as("coach2")))
                .andExpect(request().asyncStarted()).andReturn().getResponse();
        vote("coach", poll, List.of(fixtures.options(poll).get(0)));
        String events = waitFor(() -> contentOf(stream), s -> s.contains("event:results") && s.contains("Antwoorden: 1"));
        assertThat(events).contains("event:results").contains("Antwoorden: 1");
        ask("coach", "Een vraag voor de stroom", false, "stream-" + meeting);
        // (the stream began with the state as it was: no questions yet)
        assertThat(waitFor(() -> contentOf(stream), s -> s.contains("Een vraag voor de stroom")))
                .contains("event:questions\ndata:<div class=\"live-questions\">").contains("Een vraag voor de stroom");
    }

    @Test
    void theDataComparisonShowsTheEmployeesRealTopWorkValue() throws Exception {
        long poll = Long.parseLong(open("WORK_VALUE"));
        List<Long> options = fixtures.options(poll);
        List<String> coaches = fixtures.coaches(5);
        for (int i = 0; i < 5; i++) {
            vote(coaches.get(i), poll, List.of(options.get(5))); // everyone guesses income
        }
        mvc.perform(post(base + "/organise/polls/" + poll + "/reveal").with(data.as("manager2")).with(csrf()));
        assertThat(results.polls(meeting).get(0).revealed()).as("not revealed while open").isFalse();
        mvc.perform(post(base + "/organise/polls/" + poll + "/close").with(data.as("manager2")).with(csrf()));
        mvc.perform(post(base + "/organise/polls/" + poll + "/reveal").with(data.as("manager2")).with(csrf()));

        // independently: the employees' mean importance per work value at T0, straight from the answers
        List<String> byMean = jdbc.sql("select work_value from wave_work_value where wave_code = 'T0' "
                + "and important is not null and achieved is not null group by work_value "
                + "order by avg(cast(important as decimal(10, 4))) desc").query(String.class).list();
        var comparison = results.polls(meeting).get(0).comparison();
        assertThat(comparison).isNotNull();
        assertThat(comparison.top()).contains(byMean.get(0));
        assertThat(comparison.values().get(0).dataRank()).isEqualTo(1);
        assertThat(comparison.values()).filteredOn(v -> v.workValue().equals("income"))
                .extracting(LiveResults.ComparedValue::guessPercent).containsExactly(100);
        String page = page("coach");
        assertThat(page).contains("De werknemers vinden zelf het belangrijkst:");
        String topLabel = label(byMean.get(0));
        assertThat(page.substring(page.indexOf("De werknemers vinden zelf het belangrijkst:"))).contains(topLabel);
        if (!byMean.get(0).equals("income")) {
            assertThat(page).contains("Grootste verschil tussen jullie gok en de gegevens:");
        }
    }

    private String label(String workValue) {
        return switch (workValue) {
            case "use_skills" -> "Kennis en vaardigheden gebruiken";
            case "develop_skills" -> "Kennis en vaardigheden ontwikkelen";
            case "decisions" -> "Eigen beslissingen nemen";
            case "contacts" -> "Betekenisvolle contacten op het werk";
            case "own_goals" -> "Eigen doelen stellen";
            case "income" -> "Een goed inkomen verdienen";
            default -> "Bijdragen aan iets waardevols";
        };
    }

    private String ask(String user, String text, boolean showName, String key) throws Exception {
        return mvc.perform(post(base + "/questions").header("HX-Request", "true").param("text", text)
                .param("showName", String.valueOf(showName)).param("submissionKey", key)
                .with(data.as(user)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String upvote(String user, long question) throws Exception {
        return mvc.perform(post(base + "/questions/" + question + "/upvote").header("HX-Request", "true")
                .with(data.as(user)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String contentOf(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 20 s, not a timing assertion) until the value satisfies the condition; returns the last value. */
    private static String waitFor(Supplier<String> value, java.util.function.Predicate<String> condition)
            throws InterruptedException {
        String last = value.get();
        for (int i = 0; i < 200 && !condition.test(last); i++) {
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }
}

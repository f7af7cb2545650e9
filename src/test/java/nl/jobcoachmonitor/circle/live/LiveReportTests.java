package nl.jobcoachmonitor.circle.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.circle.MeetingManagement;
import nl.jobcoachmonitor.identity.CurrentUser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The live session in the meeting report (circle.MeetingHighlights) and the way from the meeting page to the live
 * session: ranked results, no distribution under 5 answers, answered questions only, never a hidden one, a name only
 * by the author's choice.
 */
@IntegrationTest
class LiveReportTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MeetingManagement meetings;

    LiveFixtures fixtures;
    long meeting;
    String base;

    @BeforeEach
    void meeting() {
        fixtures = new LiveFixtures(jdbc);
        meeting = fixtures.meetingOrganisedBy("manager2", 6);
        base = "/circle/meetings/" + meeting + "/live";
    }

    @Test
    void thePublishedReportShowsThePollsAndTheAnsweredQuestionsOnly() throws Exception {
        List<String> coaches = fixtures.coaches(6);
        long competencies = open("COMPETENCIES");
        List<Long> options = fixtures.options(competencies);
        for (int i = 0; i < 6; i++) {
            vote(coaches.get(i), competencies, i < 4 ? List.of(options.get(2), options.get(0), options.get(1))
                    : List.of(options.get(2), options.get(3), options.get(4)));
        }
        organise("/polls/" + competencies + "/close");
        long workValue = open("WORK_VALUE");
        List<Long> values = fixtures.options(workValue);
        for (int i = 0; i < 3; i++) {
            vote(coaches.get(i), workValue, List.of(values.get(0)));
        }
        organise("/polls/" + workValue + "/close");

        long named = ask("coach", "Hoe bespreek je schulden " + meeting + "?", true);
        long anonymous = ask("coach2", "Anonieme aanvulling " + meeting, false);
        long hidden = ask(coaches.get(2), "Verborgen opmerking " + meeting, true);
        long open = ask(coaches.get(3), "Onbeantwoorde vraag " + meeting, true);
        organise("/questions/" + named + "/answered");
        organise("/questions/" + anonymous + "/answered");
        organise("/questions/" + hidden + "/answered");
        organise("/questions/" + hidden + "/hide");
        assertThat(open).isPositive();

        CurrentUser organiser = (CurrentUser) users.loadUserByUsername("manager2");
        meetings.writeReport(organiser, meeting, "We oefenden met de live sessie.");
        meetings.publishReport(organiser, meeting);

        // read by a coach who asked nothing (so no name on the page is the reader's own)
        String report = mvc.perform(get("/circle/meetings/{id}/report", meeting).with(data.as(coaches.get(5))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("We oefenden met de live sessie.", "Uitslagen van de live sessie",
                "Beantwoorde vragen en aanvullingen");
        // the competency poll, ranked: option 3 (all six), then 1 and 2 (four each), then 4 and 5 (two each)
        String ranked = poll(report, competencies);
        assertThat(ranked).contains("Antwoorden: 6", "6 stemmen (100%)", "4 stemmen (67%)", "2 stemmen (33%)");
        assertThat(ranked.indexOf("1. Competentie 3")).isPositive()
                .isLessThan(ranked.indexOf("2. Competentie 1"));
        assertThat(ranked.indexOf("2. Competentie 2")).isLessThan(ranked.indexOf("4. Competentie 4"));
        assertThat(ranked).doesNotContain("Competentie 6"); // no votes
        // the work value poll had 3 answers: no distribution
        String tooFew = poll(report, workValue);
        assertThat(tooFew).contains("Antwoorden: 3", "Minder dan 5 antwoorden").doesNotContain("stem")
                .doesNotContain("<meter");
        // answered questions, a name only by choice; never the hidden one, nor one not answered
        assertThat(report).contains("Hoe bespreek je schulden " + meeting + "?", displayName("coach"),
                "Anonieme aanvulling " + meeting, "Anoniem");
        assertThat(report).doesNotContain(displayName("coach2"), "Verborgen opmerking " + meeting,
                "Onbeantwoorde vraag " + meeting);
        // in English too
        String english = mvc.perform(get("/circle/meetings/{id}/report", meeting).param("lang", "en")
                .with(data.as(coaches.get(4)))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Results of the live session", "Answered questions and additions");
    }

    @Test
    void aReportWithoutALiveSessionHasNoLiveParts() throws Exception {
        CurrentUser organiser = (CurrentUser) users.loadUserByUsername("manager2");
        meetings.writeReport(organiser, meeting, "Alleen tekst.");
        meetings.publishReport(organiser, meeting);
        assertThat(mvc.perform(get("/circle/meetings/{id}/report", meeting).with(data.as("coach"))).andReturn()
                .getResponse().getContentAsString()).contains("Alleen tekst.")
                .doesNotContain("Uitslagen van de live sessie", "Beantwoorde vragen");
    }

    @Test
    void theMeetingPageLinksToTheLiveSessionWhileItIsOnAndTheOrganiserAlsoToItsControls() throws Exception {
        String coachPage = page(meeting, "coach");
        assertThat(coachPage).contains("href=\"" + base + "\"", "Naar de live sessie")
                .doesNotContain(base + "/organise");
        String organiserPage = page(meeting, "manager2");
        assertThat(organiserPage).contains("href=\"" + base + "\"", "href=\"" + base + "/organise\"");
        // the coach follows the link
        mvc.perform(get(base).with(data.as("coach"))).andExpect(status().isOk());

        // before the meeting and after it, a coach sees no link; the organiser keeps both
        jdbc.sql("update meeting set starts_at = starts_at + interval '1' day, ends_at = ends_at + interval '1' day "
                + "where id = :m").param("m", meeting).update();
        assertThat(page(meeting, "coach")).doesNotContain(base);
        assertThat(page(meeting, "manager2")).contains("href=\"" + base + "/organise\"");
        jdbc.sql("update meeting set starts_at = starts_at - interval '3' day, ends_at = ends_at - interval '3' day "
                + "where id = :m").param("m", meeting).update();
        assertThat(page(meeting, "coach")).doesNotContain(base);
        assertThat(page(meeting, "manager2")).contains("href=\"" + base + "\"");
    }

    private String page(long id, String user) throws Exception {
        return mvc.perform(get("/circle/meetings/{id}", id).with(data.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String poll(String page, long poll) {
        int start = page.indexOf("data-poll=\"" + poll + "\"");
        assertThat(start).as("poll %s in the report", poll).isPositive();
        return page.substring(start, page.indexOf("</article>", start));
    }

    private String displayName(String user) {
        return jdbc.sql("select display_name from app_user where username = :u").param("u", user).query(String.class)
                .single();
    }

    private long open(String kind) throws Exception {
        mvc.perform(post(base + "/organise/polls").param("kind", kind).with(data.as("manager2")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return fixtures.openPoll(meeting);
    }

    private void organise(String path) throws Exception {
        mvc.perform(post(base + "/organise" + path).with(data.as("manager2")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private void vote(String user, long poll, List<Long> options) throws Exception {
        var call = post(base + "/polls/" + poll + "/votes").header("HX-Request", "true").with(data.as(user))
                .with(csrf());
        for (Long o : options) {
            call.param("option", String.valueOf(o));
        }
        mvc.perform(call).andExpect(status().isOk());
    }

    private long ask(String user, String text, boolean showName) throws Exception {
        mvc.perform(post(base + "/questions").header("HX-Request", "true").param("text", text)
                .param("showName", String.valueOf(showName)).param("submissionKey", "report-" + text)
                .with(data.as(user)).with(csrf())).andExpect(status().isOk());
        return jdbc.sql("select id from live_question where meeting_id = :m and text = :t").param("m", meeting)
                .param("t", text).query(Long.class).single();
    }
}

package nl.jobcoachmonitor.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;


import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Meetings of the knowledge circle as coaches and the organiser use them: registering, the waiting list that moves up,
 * unregistering, attendance, the report and its archive, and the bad input (twice, full, past, too long) that stores
 * nothing.
 */
@IntegrationTest
class MeetingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TestData data;
    @Autowired MeetingManagement meetings;

    CircleFixture circle;

    @BeforeEach
    void fixture() {
        circle = new CircleFixture(jdbc, users);
    }

    @Test
    void aFullMeetingOffersTheWaitingListWhichMovesUpWhenSomeoneUnregisters() {
        long meeting = circle.meeting("Wachtlijst", 2, 48);
        CurrentUser first = circle.newCoach("eerste", "coach");
        CurrentUser second = circle.newCoach("tweede", null);
        CurrentUser third = circle.newCoach("derde", "coach");
        CurrentUser fourth = circle.newCoach("vierde", null);

        assertThat(meetings.register(first, meeting, false, "nl", "http://x").status())
                .isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(meetings.register(second, meeting, false, "en", "http://x").status())
                .isEqualTo(RegistrationStatus.REGISTERED);
        // full: without asking for the waiting list, nothing is stored
        assertThatThrownBy(() -> meetings.register(third, meeting, false, "nl", "http://x"))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("circle.register.full");
        assertThat(circle.registrations(meeting, third)).isZero();
        var waiting = meetings.register(third, meeting, true, "nl", "http://x");
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(waiting.waitingPosition()).isEqualTo(1);
        assertThat(meetings.register(fourth, meeting, true, "nl", "http://x").waitingPosition()).isEqualTo(2);

        var seen = meetings.summaryOf(fourth, meeting);
        assertThat(seen.full()).isTrue();
        assertThat(seen.registered()).isEqualTo(2);
        assertThat(seen.waiting()).isEqualTo(2);

        meetings.unregister(first, meeting);

        assertThat(circle.statusOf(meeting, first)).isNull();
        assertThat(circle.statusOf(meeting, third)).isEqualTo("REGISTERED");
        assertThat(circle.statusOf(meeting, fourth)).isEqualTo("WAITING");
        assertThat(meetings.summaryOf(fourth, meeting).myWaitingPosition()).isEqualTo(1);
        // someone on the waiting list leaving gives nobody a place
        meetings.unregister(fourth, meeting);
        assertThat(meetings.summaryOf(second, meeting).registered()).isEqualTo(2);
        assertThat(meetings.summaryOf(second, meeting).waiting()).isZero();
    }

    @Test
    void coachesTakingTheLastPlaceAtOnceGetOnePlaceAndTheWaitingListInOrder() throws Exception {
        long meeting = circle.meeting("Tegelijk", 1, 30);
        List<CurrentUser> coaches = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            coaches.add(circle.newCoach("tegelijk" + i, i % 2 == 0 ? "coach" : null));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
            for (CurrentUser coach : coaches) {
                results.add(pool.submit(() -> {
                    start.await();
                    return meetings.register(coach, meeting, true, "nl", "http://x").status();
                }));
            }
            // the first coach once more (a double click that arrives late): refused, nothing stored twice
            CurrentUser doubleClick = coaches.get(0);
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(RegistrationStatus.REGISTERED::equals).hasSize(1);
            assertThat(outcomes).filteredOn(RegistrationStatus.WAITING::equals).hasSize(5);
            var twice = pool.submit(() -> meetings.register(doubleClick, meeting, true, "nl", "http://x"));
            assertThatThrownBy(() -> twice.get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(DomainRuleViolation.class);
        } finally {
            pool.shutdownNow();
        }
        var seen = meetings.summaryOf(coaches.get(0), meeting);
        assertThat(seen.registered()).isEqualTo(1);
        assertThat(seen.waiting()).isEqualTo(5);
        // the waiting positions are 1 to 5, each once
        assertThat(coaches.stream().map(c -> meetings.summaryOf(c, meeting).myWaitingPosition())
                .filter(java.util.Objects::nonNull).sorted().toList()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void registeringTwiceStoresOneRegistrationAndSaysSo() throws Exception {
        long meeting = circle.meeting("Twee keer", 10, 24);
        CurrentUser coach = circle.newCoach("dubbel", "coach");

        mvc.perform(post("/circle/meetings/{id}/registration", meeting).with(user(coach)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "circle.registered"));
        mvc.perform(post("/circle/meetings/{id}/registration", meeting).with(user(coach)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "circle.register.twice"));

        assertThat(circle.registrations(meeting, coach)).isEqualTo(1);
        mvc.perform(get("/circle/meetings/{id}", meeting).with(user(coach)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Je bent aangemeld voor deze bijeenkomst.")));
    }

    @Test
    void aMeetingInThePastTakesNoRegistrationAndCannotBePlanned() throws Exception {
        long past = circle.meeting("Voorbij", 10, -3);
        CurrentUser coach = circle.newCoach("laat", "coach");
        mvc.perform(post("/circle/meetings/{id}/registration", past).with(user(coach)).with(csrf()))
                .andExpect(flash().attribute("problem", "circle.register.past"));
        assertThat(circle.registrations(past, coach)).isZero();

        var form = MeetingForm.empty();
        form.setTitle("Gisteren gepland");
        form.setDate(LocalDate.now().minusDays(1));
        form.setStartTime(LocalTime.of(10, 0));
        form.setEndTime(LocalTime.of(12, 0));
        form.setPlace("Zwolle");
        form.setCapacity(10);
        assertThatThrownBy(() -> meetings.plan(circle.organiser(), form)).isInstanceOf(DomainRuleViolation.class)
                .hasMessage("circle.meeting.past");
    }

    @Test
    void theOrganiserPlansAMeetingWithProgrammeAndThemesAndOverlongFieldsAreRefused() throws Exception {
        String title = "Plan " + System.nanoTime();
        String date = LocalDate.now().plusDays(20).toString();
        mvc.perform(post("/circle/manage/meetings").with(data.as("manager")).with(csrf())
                        .param("title", "x".repeat(201)).param("date", date).param("startTime", "14:00")
                        .param("endTime", "16:00").param("format", "IN_PERSON").param("place", "Utrecht")
                        .param("capacity", "30").param("programme[0].title", "y".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("error-summary")));
        assertThat(data.count("meeting", "title = :p", "x".repeat(200))).isZero();
        // online without a web link
        mvc.perform(post("/circle/manage/meetings").with(data.as("manager")).with(csrf())
                        .param("title", title).param("date", date).param("startTime", "14:00")
                        .param("endTime", "16:00").param("format", "ONLINE").param("onlineLink", "javascript:alert(1)")
                        .param("capacity", "30"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Vul een webadres in dat begint met https://.")));
        assertThat(data.count("meeting", "title = :p", title)).isZero();

        mvc.perform(post("/circle/manage/meetings").with(data.as("manager")).with(csrf())
                        .param("title", title).param("date", date).param("startTime", "14:00")
                        .param("endTime", "16:00").param("format", "ONLINE")
                        .param("onlineLink", "https://meet.example.org/x").param("capacity", "30")
                        .param("themes", "DEBTS", "STRESS").param("programme[0].kind", "TALK")
                        .param("programme[0].title", "Schulden").param("programme[0].speakers", "Een lector")
                        .param("programme[1].kind", "WORKSHOP").param("programme[1].title", ""))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from meeting where title = :t").param("t", title).query(Long.class).single();
        var detail = meetings.detail(circle.user("coach"), id);
        assertThat(detail.programme()).containsExactly(new ProgrammeItem(ProgrammeKind.TALK, "Schulden", "Een lector"));
        assertThat(detail.meeting().themes()).containsExactlyInAnyOrder(Theme.DEBTS, Theme.STRESS);
        assertThat(detail.organiser()).isFalse();
        assertThat(detail.participants()).isEmpty();
        // a coach is no organiser
        mvc.perform(get("/circle/manage/meetings/new").with(data.as("coach"))).andExpect(status().isForbidden());
    }

    @Test
    void attendanceIsRecordedAfterTheStartAndTheCoachSeesTheMeetingsTheyAttended() throws Exception {
        String title = "Bijgewoond " + System.nanoTime();
        long past = circle.meeting(title, 10, -30);
        CurrentUser there = circle.newCoach("aanwezig", "coach");
        CurrentUser away = circle.newCoach("afwezig", null);
        circle.registered(past, there);
        circle.registered(past, away);

        meetings.recordAttendance(circle.organiser(), past, List.of(there.id()));

        assertThat(meetings.attended(there)).extracting(a -> a.meeting().title()).contains(title);
        assertThat(meetings.attended(away)).extracting(a -> a.meeting().title()).doesNotContain(title);
        mvc.perform(get("/circle/attended").with(user(there))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(title)));
        // the organiser finds the meeting among those still to finish (report not published)
        assertThat(meetings.awaitingReport(circle.organiser())).extracting(MeetingSummary::title).contains(title);
        mvc.perform(get("/circle").with(data.as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(title)));
        assertThat(meetings.awaitingReport(there)).isEmpty();

        long upcoming = circle.meeting("Nog niet " + System.nanoTime(), 10, 5);
        assertThatThrownBy(() -> meetings.recordAttendance(circle.organiser(), upcoming, List.of(there.id())))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("circle.attendance.notYet");
        // only the circle's organiser records attendance: a coach is refused, another organiser gets 404
        assertThatThrownBy(() -> meetings.recordAttendance(there, past, List.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPublishedReportIsReadByEveryoneInTheArchiveByThemeAndWords() throws Exception {
        String title = "Verslag " + System.nanoTime();
        long past = circle.meeting(title, 10, -50);
        jdbc.sql("insert into meeting_theme (meeting_id, theme) values (:m, 'DISCLOSURE')").param("m", past).update();
        CurrentUser coach = circle.newCoach("lezer", null);

        mvc.perform(get("/circle/meetings/{id}/report", past).with(user(coach))).andExpect(status().isNotFound());
        assertThatThrownBy(() -> meetings.publishReport(circle.organiser(), past))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("circle.report.empty");
        assertThatThrownBy(() -> meetings.writeReport(circle.organiser(), past, "z".repeat(20_001)))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("circle.report.tooLong");
        meetings.writeReport(circle.organiser(), past, "We spraken over openheid.\nEen paraplu-gesprek.");
        meetings.publishReport(circle.organiser(), past);
        assertThatThrownBy(() -> meetings.publishReport(circle.organiser(), past))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("circle.report.published");

        mvc.perform(get("/circle/meetings/{id}/report", past).with(user(coach))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Een paraplu-gesprek.")));
        assertThat(meetings.archive(coach, "paraplu", Theme.DISCLOSURE)).extracting(MeetingSummary::title)
                .contains(title);
        assertThat(meetings.archive(coach, "paraplu", Theme.DEBTS)).extracting(MeetingSummary::title)
                .doesNotContain(title);
        assertThat(meetings.archive(coach, "100%_niets", null)).extracting(MeetingSummary::title)
                .doesNotContain(title);
    }

    @Test
    void theMeetingHasACalendarFileForTheCoachesCalendar() throws Exception {
        long meeting = circle.meeting("Agenda", 10, 72);
        String ics = mvc.perform(get("/circle/meetings/{id}/calendar.ics", meeting).with(data.as("coach2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics));
        assertThat(calendar.getComponents("VEVENT")).hasSize(1);
        assertThat(ics).contains("SUMMARY:Agenda", "UID:meeting-" + meeting + "@jobcoachmonitor");
    }

}

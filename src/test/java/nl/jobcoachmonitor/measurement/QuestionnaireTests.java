package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The employee's questionnaire by personal link, and the coach's side of it, on a real database. */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class QuestionnaireTests {

    @Autowired org.springframework.test.context.event.ApplicationEvents events;

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired MeasurementManagement measurement;
    @Autowired UserDetailsService users;
    @Autowired Instruments instruments;

    private final Map<String, Object> answers = AnswerValidationTests.completeEmployeeAnswers();

    /** A trajectory started today in the coaching phase, so its T0 is open; returns {trajectory id, T0 wave id}. */
    long[] newTrajectory() {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        long id = trajectories.start(coach, new StartTrajectoryForm(null, "Link", "Tester", LocalDate.of(1999, 3, 3),
                null, null, commissioner, TrajectoryPhase.COACHING, today, null, "Drukkerij Link", "Drukker",
                new BigDecimal("24"), ContractType.TEMPORARY, today, null));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", id).query(Long.class).single();
        return new long[] {id, wave};
    }

    String newLink(long[] trajectory) {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        return measurement.createLink(coach, trajectory[0], trajectory[1], Respondent.EMPLOYEE).token();
    }

    /** A phone with its own session cookie (or mock session), as the browser keeps it. */
    final class Phone {
        Cookie cookie;
        MockHttpSession session;

        MvcResult open(String token) throws Exception {
            var result = mvc.perform(with(get("/q/{token}", token))).andReturn();
            remember(result);
            return result;
        }

        MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request) {
            if (cookie != null) {
                request.cookie(cookie);
            }
            if (session != null) {
                request.session(session);
            }
            return request;
        }

        void remember(MvcResult result) {
            var c = result.getResponse().getCookie("SESSION");
            if (c != null) {
                cookie = c;
            }
            if (result.getRequest().getSession(false) instanceof MockHttpSession s) {
                session = s;
            }
        }

        String page(String url) throws Exception {
            var result = mvc.perform(with(get(url))).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer")).andReturn();
            remember(result);
            return result.getResponse().getContentAsString();
        }

        MvcResult answer(String section, Map<String, Object> given) throws Exception {
            var request = post("/q").with(csrf()).param("section", section);
            given.forEach((code, value) -> {
                if (value instanceof List<?> list) {
                    list.forEach(v -> request.param(code, String.valueOf(v)));
                } else {
                    request.param(code, String.valueOf(value));
                }
            });
            var result = mvc.perform(with(request)).andReturn();
            remember(result);
            return result;
        }

        MvcResult answerSection(Section section) throws Exception {
            var given = new java.util.HashMap<String, Object>();
            section.itemsAt("T0").forEach(i -> {
                if (answers.containsKey(i.code())) {
                    given.put(i.code(), answers.get(i.code()));
                }
            });
            return answer(section.code(), given);
        }
    }

    private List<Section> sections() {
        return instruments.current("employee").sectionsAt("T0");
    }

    @Test
    void unknownTamperedAndUsedTokensAllGetTheSamePageAndStatus() throws Exception {
        String token = newLink(newTrajectory());
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknown = mvc.perform(get("/q/{t}", "x".repeat(43))).andExpect(status().isNotFound())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("Deze link werkt niet");
        for (String bad : List.of(tampered, "short", token + "A", token.toUpperCase())) {
            assertThat(mvc.perform(get("/q/{t}", bad)).andExpect(status().isNotFound()).andReturn().getResponse()
                    .getContentAsString()).isEqualTo(unknown);
        }
        assertThat(mvc.perform(get("/q")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).as("no link in the session").isEqualTo(unknown);

        var phone = new Phone();
        phone.open(token);
        for (Section section : sections()) {
            phone.answerSection(section);
        }
        assertThat(mvc.perform(get("/q/{t}", token)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).as("a used link").isEqualTo(unknown);
    }

    @Test
    void anAddressThatTriesTooManyBadLinksMustWaitEvenWithAGoodOneOthersAreNotHindered(
            @Value("${jcm.questionnaire.max-failed-links-per-address}") int max) throws Exception {
        String token = newLink(newTrajectory());
        RequestPostProcessor guesser = request -> {
            request.setRemoteAddr("192.0.2.7");
            return request;
        };
        for (int i = 0; i < max; i++) {
            mvc.perform(get("/q/{t}", "guess" + i + "x".repeat(38)).with(guesser)).andExpect(status().isNotFound());
        }
        String page = mvc.perform(get("/q/{t}", "guess-again" + "x".repeat(32)).with(guesser))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "300"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Even wachten").doesNotContain("Deze link werkt niet");
        mvc.perform(get("/q/{t}", token).with(guesser)).andExpect(status().isTooManyRequests());

        mvc.perform(get("/q/{t}", token)).andExpect(status().isOk());
    }

    @Test
    void theTokenIsStoredOnlyAsAHashAndLeavesTheAddressOnExchange() throws Exception {
        var trajectory = newTrajectory();
        String token = newLink(trajectory);
        assertThat(token).hasSize(43);
        assertThat(jdbc.sql("select token_hash from questionnaire_link where wave_id = :w").param("w", trajectory[1])
                .query(String.class).single()).isEqualTo(QuestionnaireLinks.hash(token)).doesNotContain(token);

        var phone = new Phone();
        var exchange = phone.open(token);
        assertThat(exchange.getResponse().getStatus()).isEqualTo(200);
        assertThat(exchange.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(exchange.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(exchange.getResponse().getContentAsString()).contains("http-equiv=\"refresh\" content=\"0; url=/q\"")
                .doesNotContain(token);

        String first = phone.page("/q");
        assertThat(first).contains("Heb je op dit moment betaald werk?").contains("Deel 1 van 11")
                .contains("<progress").doesNotContain(token);
        assertThat(phone.page("/q?lang=en")).contains("Are you in paid work now?").contains("Part 1 of 11");
    }

    @Test
    void answersAreSavedAsTheEmployeeGoesAndReopeningResumesAtTheFirstUnansweredSection() throws Exception {
        var trajectory = newTrajectory();
        String token = newLink(trajectory);
        var phone = new Phone();
        phone.open(token);
        phone.page("/q");
        for (Section section : sections().subList(0, 3)) {
            mvc.perform(phone.with(get("/q"))).andExpect(status().isOk());
            var saved = phone.answerSection(section);
            assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/q");
        }
        String stored = jdbc.sql("select answers from response where wave_id = :w").param("w", trajectory[1])
                .query(String.class).single();
        assertThat(stored).contains("\"paid_work\":\"yes\"").contains("\"hours_week\":24.5")
                .contains("\"fit_wishes_2\":4").doesNotContain("disclosed_employer");

        assertThat(phone.page("/q")).as("reload").contains("Openheid op je werk").contains("Deel 4 van 11");

        var otherDay = new Phone();
        otherDay.open(token);
        assertThat(otherDay.page("/q")).as("the link again, in a new session").contains("Openheid op je werk");
        String back = otherDay.page("/q?section=work");
        assertThat(back).contains("Je werk").containsPattern("value=\"yes\"\\s+checked")
                .contains("value=\"24.5\"");
        assertThat(otherDay.page("/q?section=wv_income")).as("no skipping ahead").contains("Deel 4 van 11");
    }

    @Test
    void aRefusedSectionExplainsAtTheQuestionKeepsWhatWasTypedAndSavesNothing() throws Exception {
        var trajectory = newTrajectory();
        var phone = new Phone();
        phone.open(newLink(trajectory));
        var refused = phone.answer("work", Map.of("paid_work", "yes", "hours_week", "99"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("Dit getal valt buiten wat kan.")
                .contains("value=\"99\"").contains("id=\"hours_week-error\"")
                .contains("aria-describedby=\"hours_week-error\"");
        assertThat(jdbc.sql("select answers from response where wave_id = :w").param("w", trajectory[1])
                .query(String.class).single()).isEqualTo("{}");
    }

    @Test
    void anAnswerToAQuestionWhoseConditionIsFalseIsNotStored() throws Exception {
        var trajectory = newTrajectory();
        var phone = new Phone();
        phone.open(newLink(trajectory));
        for (Section section : sections().subList(0, 3)) {
            phone.answerSection(section);
        }
        phone.answer("disclosure", Map.of("disclosed_employer", "no", "reaction_employer", "3",
                "disclosed_colleagues", "yes", "reaction_colleagues", "7"));
        assertThat(jdbc.sql("select answers from response where wave_id = :w").param("w", trajectory[1])
                .query(String.class).single()).doesNotContain("reaction_employer").contains("\"reaction_colleagues\":7");
    }

    @Test
    void finishingTwiceStoresOneResponseAndTheSecondChangesNothing() throws Exception {
        var trajectory = newTrajectory();
        var phone = new Phone();
        phone.open(newLink(trajectory));
        var list = sections();
        for (Section section : list) {
            phone.answerSection(section);
        }
        assertThat(phone.page("/q")).contains("Bedankt!");
        var first = jdbc.sql("select answers || ' ' || completed_at from response where wave_id = :w")
                .param("w", trajectory[1]).query(String.class).single();

        var again = phone.answer(list.get(list.size() - 1).code(), Map.of("wv_contribute_important", "1",
                "wv_contribute_offered", "1", "wv_contribute_achieved", "1"));
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/q");
        assertThat(phone.page("/q")).contains("Bedankt!");
        assertThat(data.count("response", "wave_id = :p", trajectory[1])).isEqualTo(1);
        assertThat(jdbc.sql("select answers || ' ' || completed_at from response where wave_id = :w")
                .param("w", trajectory[1]).query(String.class).single()).isEqualTo(first);
        assertThat(events.stream(QuestionnaireCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.waveCode()).isEqualTo("T0"))
                .satisfies(e -> assertThat(e.trajectoryId()).isEqualTo(trajectory[0]))
                .satisfies(e -> assertThat(e.respondent()).isEqualTo(Respondent.EMPLOYEE));
    }

    @Test
    void twoSubmitsAtTheSameMomentCompleteTheResponseOnceWithOneOfTheTwoAnswerSets() throws Exception {
        var trajectory = newTrajectory();
        String token = newLink(trajectory);
        var phone = new Phone();
        phone.open(token);
        var list = sections();
        for (Section section : list.subList(0, list.size() - 1)) {
            phone.answerSection(section);
        }
        long link = measurement.exchange(token).orElseThrow();
        String last = list.get(list.size() - 1).code();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Object>>();
            for (String grade : List.of("1", "5")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return measurement.saveSection(link, last, Map.of("wv_contribute_important", grade,
                                "wv_contribute_offered", grade, "wv_contribute_achieved", grade), true);
                    } catch (org.springframework.dao.DataAccessException lostTheRace) {
                        return lostTheRace;
                    }
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.count("response", "wave_id = :p", trajectory[1])).isEqualTo(1);
        String stored = jdbc.sql("select answers from response where wave_id = :w and completed_at is not null")
                .param("w", trajectory[1]).query(String.class).single();
        assertThat(stored).containsAnyOf("\"wv_contribute_important\":1,\"wv_contribute_offered\":1,\"wv_contribute_achieved\":1",
                "\"wv_contribute_important\":5,\"wv_contribute_offered\":5,\"wv_contribute_achieved\":5");
    }

    @Test
    void aLinkStopsWorkingWhenTheWaveClosesAndLooksLikeAnyOtherBadLink() throws Exception {
        var trajectory = newTrajectory();
        String token = newLink(trajectory);
        var phone = new Phone();
        phone.open(token);
        phone.page("/q");
        jdbc.sql("update measurement_wave set due_on = :d where id = :w")
                .param("d", LocalDate.now().minusDays(MeasurementWindow.CLOSES_AFTER_DAYS)).param("w", trajectory[1])
                .update();
        String unknown = mvc.perform(get("/q/{t}", "z".repeat(43))).andReturn().getResponse().getContentAsString();
        assertThat(mvc.perform(get("/q/{t}", token)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).isEqualTo(unknown);
        assertThat(mvc.perform(phone.with(get("/q"))).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).as("the open session too").isEqualTo(unknown);
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> measurement.createLink(coach, trajectory[0],
                trajectory[1], Respondent.EMPLOYEE)).isInstanceOf(nl.jobcoachmonitor.shared.ConflictException.class);
    }

    @Test
    void theAccessLogNamesTheEmployeeForTheLinkAndForEveryReadAndChangeOfTheAnswers() throws Exception {
        var trajectory = newTrajectory();
        long employee = data.employeeIdOf(trajectory[0]);
        String url = "/trajectories/" + trajectory[0] + "/waves/" + trajectory[1] + "/employee-link";
        String linkPage = mvc.perform(post(url).with(data.as("coach")).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var matcher = java.util.regex.Pattern.compile("/q/([A-Za-z0-9_-]{43})").matcher(linkPage);
        assertThat(matcher.find()).isTrue();
        assertThat(data.count("audit_event", "action = 'CREATE' and object_type = 'questionnaire_link' "
                + "and username = 'coach' and person_id = :p", employee)).isEqualTo(1);

        var phone = new Phone();
        phone.open(matcher.group(1));
        phone.page("/q");
        phone.answerSection(sections().get(0));
        assertThat(data.count("audit_event", "action = 'READ' and object_type = 'response' and person_id = :p",
                employee)).isPositive();
        assertThat(data.count("audit_event", "action = 'CHANGE' and object_type = 'response' and person_id = :p",
                employee)).isEqualTo(1);
        mvc.perform(get("/trajectories/{id}", trajectory[0]).with(data.as("coach"))).andExpect(status().isOk());
        assertThat(data.count("audit_event", "action = 'READ' and object_type = 'measurement_wave' "
                + "and person_id = :p", employee)).isPositive();
    }

    @Test
    void openingALinkInASessionThatExistedAlreadyGivesItANewId() throws Exception {
        var first = newLink(newTrajectory());
        var phone = new Phone();
        phone.open(first);
        String before = phone.cookie != null ? phone.cookie.getValue() : phone.session.getId();
        phone.open(newLink(newTrajectory()));
        String after = phone.cookie != null ? phone.cookie.getValue() : phone.session.getId();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theCoachSeesTheWavesAndMakesTheEmployeesLinkWhichANewLinkRevokes() throws Exception {
        var trajectory = newTrajectory();
        String page = mvc.perform(get("/trajectories/{id}", trajectory[0]).with(data.as("coach")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Metingen").contains("id=\"wave-T0\"").contains("id=\"wave-T2\"")
                .contains("Persoonlijke link voor T0 maken").doesNotContain("Persoonlijke link voor T1 maken")
                .contains("<td data-label=\"Jobcoach\">").contains("nog niet begonnen").contains("Vragenlijst jobcoach voor T0 invullen");

        String url = "/trajectories/" + trajectory[0] + "/waves/" + trajectory[1] + "/employee-link";
        String linkPage = mvc.perform(post(url).with(data.as("coach")).with(csrf())).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")).andReturn().getResponse()
                .getContentAsString();
        var matcher = java.util.regex.Pattern.compile("/q/([A-Za-z0-9_-]{43})").matcher(linkPage);
        assertThat(matcher.find()).isTrue();
        String first = matcher.group(1);
        mvc.perform(get("/q/{t}", first)).andExpect(status().isOk());

        newLink(trajectory);
        mvc.perform(get("/q/{t}", first)).andExpect(status().isNotFound());

        mvc.perform(post(url).with(data.as("coach2")).with(csrf())).andExpect(status().isNotFound());
        long otherWave = jdbc.sql("select min(w.id) from measurement_wave w join trajectory t on t.id = w.trajectory_id "
                + "join app_user u on u.id = t.coach_id where u.username = 'coach2'").query(Long.class).single();
        mvc.perform(post("/trajectories/{id}/waves/{w}/employee-link", trajectory[0], otherWave)
                .with(data.as("coach")).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void theEmployerAnswersOnlyTheEmployerQuestionsByTheirOwnLink() throws Exception {
        var trajectory = newTrajectory();
        String page = mvc.perform(get("/trajectories/{id}", trajectory[0]).with(data.as("coach")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<td data-label=\"Werkgever (vrijwillig)\">").contains("nog niet begonnen")
                .contains("Link voor de werkgever voor T0 maken").doesNotContain("Link voor de werkgever voor T1 maken");

        String url = "/trajectories/" + trajectory[0] + "/waves/" + trajectory[1] + "/employer-link";
        String linkPage = mvc.perform(post(url).with(data.as("coach")).with(csrf())).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")).andReturn().getResponse()
                .getContentAsString();
        assertThat(linkPage).contains("Link voor de werkgever").contains("De werkgever ziet alleen de eigen vragen");
        var matcher = java.util.regex.Pattern.compile("/q/([A-Za-z0-9_-]{43})").matcher(linkPage);
        assertThat(matcher.find()).isTrue();

        var phone = new Phone();
        phone.open(matcher.group(1));
        String first = phone.page("/q");
        assertThat(first).contains("Vragenlijst voor de werkgever")
                .contains("Welk cijfer geeft u voor het functioneren van de werknemer?").contains("Deel 1 van 2")
                .contains("Uw antwoorden worden bewaard").doesNotContain("psychische");
        phone.answer("employee", Map.of("employee_functioning", "8", "coach_support_value", "7"));
        phone.answer("workplace", Map.of("adjustments", List.of("tasks", "schedule"), "continue_intent", "5"));
        assertThat(phone.page("/q")).contains("Uw antwoorden zijn verstuurd");

        assertThat(jdbc.sql("select instrument_code || ' ' || answers from response where wave_id = :w "
                + "and respondent = 'EMPLOYER' and completed_at is not null").param("w", trajectory[1])
                .query(String.class).single()).isEqualTo("employer {\"employee_functioning\":8,"
                + "\"coach_support_value\":7,\"adjustments\":[\"tasks\",\"schedule\"],\"continue_intent\":5}");
        assertThat(data.count("response", "wave_id = :p and respondent = 'EMPLOYEE'", trajectory[1])).isZero();
        assertThat(data.count("audit_event", "action = 'CHANGE' and object_type = 'response' and person_id = :p",
                data.employeeIdOf(trajectory[0]))).isEqualTo(2);
        assertThat(mvc.perform(get("/trajectories/{id}", trajectory[0]).with(data.as("coach"))).andReturn()
                .getResponse().getContentAsString()).contains("aria-label=\"Antwoorden van de werkgever, meting T0\"")
                .doesNotContain("Link voor de werkgever voor T0 maken");

        long t1 = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T1'")
                .param("t", trajectory[0]).query(Long.class).single();
        mvc.perform(post("/trajectories/{id}/waves/{w}/employer-link", trajectory[0], t1).with(data.as("coach"))
                .with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void theQuestionnaireNeedsTheCsrfTokenOfItsSession() throws Exception {
        var trajectory = newTrajectory();
        var phone = new Phone();
        phone.open(newLink(trajectory));
        mvc.perform(phone.with(post("/q").param("section", "work").param("paid_work", "yes")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/q"));
        assertThat(data.count("response", "wave_id = :p", trajectory[1])).as("nothing saved without the token")
                .isZero();
        mvc.perform(post("/trajectories/1/contacts").with(data.as("coach")).param("minutes", "30"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/q/{t}", "y".repeat(43)).param("lang", "en")).andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("This link does not work")));
    }
}

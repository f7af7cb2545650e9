package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The measurement API: waves, completed responses, and answers submitted exactly once (Idempotency-Key). */
@IntegrationTest
class MeasurementApiTests {

    private static final String COACH_ANSWERS = """
            {"answers": {"job_fit": 7, "rapport_coach": 4, "employer_support": "3", "life_domains": ["debts"],
             "care_providers": ["none"], "care_conflict": "no", "expected_retention": 4,
             "hours_sufficient": "enough"}}""";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    private long[] newTrajectory() {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        long id = trajectories.start(coach, new StartTrajectoryForm(null, "Api", "Meting", LocalDate.of(2001, 2, 3),
                null, null, commissioner, TrajectoryPhase.COACHING, today, null, "Bakkerij Api", "Bakker",
                new BigDecimal("24"), ContractType.TEMPORARY, today, null));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", id).query(Long.class).single();
        return new long[] {id, wave};
    }

    private MockHttpServletRequestBuilder submit(long[] t, String body) {
        return post("/api/v1/trajectories/{id}/waves/{wave}/responses/coach", t[0], t[1])
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private long responses(long wave) {
        return data.count("response", "wave_id = :p", wave);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResultAndStoresNothingNew() throws Exception {
        var t = newTrajectory();
        mvc.perform(get("/api/v1/trajectories/{id}/waves", t[0]).with(httpBasic("coach", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].code").value("T0"))
                .andExpect(jsonPath("$[0].coach").value("NOT_STARTED"));

        String first = mvc.perform(submit(t, COACH_ANSWERS).header("Idempotency-Key", "k-1")
                        .with(httpBasic("coach", "demo")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.wave").value("T0"))
                .andExpect(jsonPath("$.respondent").value("COACH")).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(submit(t, COACH_ANSWERS).header("Idempotency-Key", "k-1").with(data.as("coach")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(responses(t[1])).isEqualTo(1);

        mvc.perform(submit(t, COACH_ANSWERS.replace("\"job_fit\": 7", "\"job_fit\": 3"))
                .header("Idempotency-Key", "k-1").with(data.as("coach")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Deze Idempotency-Key is al gebruikt voor een ander verzoek."));
        mvc.perform(submit(t, COACH_ANSWERS).header("Idempotency-Key", "k-2").with(data.as("coach")))
                .andExpect(status().isConflict());
        mvc.perform(submit(t, COACH_ANSWERS).with(data.as("coach"))).andExpect(status().isConflict());

        mvc.perform(get("/api/v1/trajectories/{id}/waves/{w}/responses/coach", t[0], t[1]).with(data.as("manager")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.answers.job_fit").value(7))
                .andExpect(jsonPath("$.answers.life_domains[0]").value("debts"))
                .andExpect(jsonPath("$.instrumentVersion").value(1));
        assertThat(responses(t[1])).isEqualTo(1);
    }

    @Test
    void wrongAnswersGetTheErrorsPerItemAndNothingIsStored() throws Exception {
        var t = newTrajectory();
        mvc.perform(submit(t, COACH_ANSWERS.replace("\"job_fit\": 7", "\"job_fit\": 11")
                        .replace("\"care_conflict\": \"no\",", "")).with(data.as("coach")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.item == 'job_fit')].message").value("Kies een van de antwoorden."))
                .andExpect(jsonPath("$.errors[?(@.item == 'care_conflict')].message").value("Geef hier een antwoord."));
        mvc.perform(submit(t, "{\"answers\": {\"<script>\": 1}}").param("lang", "en").with(data.as("coach")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Not all answers fit the questionnaire; see the errors per item."));
        assertThat(responses(t[1])).isZero();
    }

    @Test
    void onlyTheTrajectorysCoachSubmitsAndOthersGetNotFound() throws Exception {
        var t = newTrajectory();
        long denied = data.deniedAccessesBy("coach2");
        mvc.perform(submit(t, COACH_ANSWERS).with(data.as("coach2"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/trajectories/{id}/waves", t[0]).with(data.as("coach2")))
                .andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("coach2")).isEqualTo(denied + 2);
        mvc.perform(submit(t, COACH_ANSWERS).with(data.as("gemeente"))).andExpect(status().is4xxClientError());
        mvc.perform(submit(t, COACH_ANSWERS).with(data.as("manager"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/trajectories/{id}/waves/{wave}/responses/nobody", t[0], t[1])
                .contentType(MediaType.APPLICATION_JSON).content(COACH_ANSWERS).with(data.as("coach")))
                .andExpect(status().isNotFound());
        assertThat(responses(t[1])).isZero();
    }

    @Test
    void twentyParallelIdenticalSubmissionsWithOneKeyStoreOneResponseAndAllGetIt() throws Exception {
        var t = newTrajectory();
        List<MockHttpServletResponse> answers = parallel(20, () -> submit(t, COACH_ANSWERS)
                .header("Idempotency-Key", "parallel-" + t[1]).with(data.as("coach")));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        assertThat(answers).extracting(r -> r.getContentAsString()).containsOnly(answers.get(0).getContentAsString());
        assertThat(responses(t[1])).isEqualTo(1);
        assertThat(data.count("idempotency_key", "idempotency_key = :p", "parallel-" + t[1])).isEqualTo(1);
    }

    @Test
    void twentyParallelIdenticalSubmissionsWithoutKeyStoreOneResponse() throws Exception {
        var t = newTrajectory();
        List<MockHttpServletResponse> answers = parallel(20, () -> submit(t, COACH_ANSWERS).with(data.as("coach")));

        assertThat(answers).filteredOn(r -> r.getStatus() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.getStatus() == 409).hasSize(19);
        assertThat(responses(t[1])).isEqualTo(1);
        assertThat(jdbc.sql("select answers from response where wave_id = :w").param("w", t[1]).query(String.class)
                .single()).contains("\"job_fit\":7");
    }

    /** Sends the same request from {@code n} threads at the same moment. */
    private List<MockHttpServletResponse> parallel(int n, Callable<MockHttpServletRequestBuilder> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    var built = request.call();
                    start.await();
                    return mvc.perform(built).andReturn().getResponse();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (var future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}

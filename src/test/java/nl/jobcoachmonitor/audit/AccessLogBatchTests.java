package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.AccessAction;
import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.identity.PersonalDataAccessed;
import nl.jobcoachmonitor.identity.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.FilterChain;

/**
 * The accesses of one request are written together ({@link AccessLogBatch}): none is lost, each is in the log before
 * the response's body is opened, a request that fails (its transaction rolled back) still leaves them, the rows of a
 * request are consecutive links of the chain, and the chain stays whole with many requests at once.
 */
@IntegrationTest
class AccessLogBatchTests {

    @Autowired AccessLogBatch batch;
    @Autowired ApplicationEventPublisher events;
    @Autowired AuditChain chain;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired MockMvc mvc;

    private void access(String username, String objectId) {
        events.publishEvent(new PersonalDataAccessed(Instant.now(), username, Role.COACH, AccessAction.READ,
                "trajectory", objectId, null, true, "127.0.0.1", null, null, OnBehalfOf.ORGANISATION, null));
    }

    private List<String> rowsOf(String username) {
        return jdbc.sql("select object_id from audit_event where username = :u order by chain_seq")
                .param("u", username).query(String.class).list();
    }

    private List<Long> seqsOf(String username) {
        return jdbc.sql("select chain_seq from audit_event where username = :u order by chain_seq")
                .param("u", username).query(Long.class).list();
    }

    private void request(FilterChain chain) throws Exception {
        batch.doFilter(new MockHttpServletRequest("GET", "/batch-test"), new MockHttpServletResponse(), chain);
    }

    @Test
    void theAccessesOfARequestAreInTheLogBeforeItsBodyIsOpened() throws Exception {
        String user = "batch-body";
        List<List<String>> seen = new ArrayList<>();
        request((req, res) -> {
            access(user, "1");
            access(user, "2");
            access(user, "3");
            seen.add(rowsOf(user));
            res.getWriter().write("the page");
            seen.add(rowsOf(user));
            access(user, "4"); // after the body was opened: written at once
            seen.add(rowsOf(user));
        });
        assertThat(seen.get(0)).isEmpty();
        assertThat(seen.get(1)).containsExactly("1", "2", "3");
        assertThat(seen.get(2)).containsExactly("1", "2", "3", "4");
        var seqs = seqsOf(user);
        assertThat(seqs.get(2) - seqs.get(0)).as("one request's rows are consecutive links").isEqualTo(2);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRedirectOrAnErrorWritesThemFirstToo() throws Exception {
        request((req, res) -> {
            access("batch-redirect", "1");
            ((jakarta.servlet.http.HttpServletResponse) res).sendRedirect("/elsewhere");
            assertThat(rowsOf("batch-redirect")).containsExactly("1");
        });
        request((req, res) -> {
            access("batch-error", "1");
            ((jakarta.servlet.http.HttpServletResponse) res).sendError(404);
            assertThat(rowsOf("batch-error")).containsExactly("1");
        });
    }

    @Test
    void aRequestThatFailsStillLeavesItsAccessesInTheLog() {
        assertThatThrownBy(() -> request((req, res) -> {
            access("batch-failing", "1");
            access("batch-failing", "2");
            throw new IllegalStateException("the request's transaction rolls back");
        })).hasMessageContaining("rolls back");
        assertThat(rowsOf("batch-failing")).containsExactly("1", "2");
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRealPageAndARefusedContactLeaveTheirRows() throws Exception {
        long trajectory = data.trajectoriesOf("coach").get(0);
        long before = data.count("audit_event", "username = :p", "coach");
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("coach"))).andExpect(status().isOk());
        assertThat(data.count("audit_event", "username = :p", "coach")).isGreaterThan(before);

        // A contact on another coach's trajectory: refused in the transaction, which rolls back; the attempt is logged.
        long denied = data.deniedAccessesBy("coach2");
        mvc.perform(post("/trajectories/{id}/contacts", trajectory).with(data.as("coach2")).with(csrf())
                        .param("contactOn", LocalDate.now().toString()).param("minutes", "30")
                        .param("party", "EMPLOYEE").param("mode", "PHONE"))
                .andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("coach2")).isEqualTo(denied + 1);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void manyRequestsAtOnceKeepTheChainWholeAndEachRequestsRowsTogether() throws Exception {
        int requests = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        var start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int r = 0; r < requests; r++) {
                String user = "batch-parallel-" + r;
                done.add(pool.submit(() -> {
                    start.await();
                    request((req, res) -> {
                        for (int i = 0; i < each; i++) {
                            access(user, String.valueOf(i));
                        }
                        res.getOutputStream();
                    });
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int r = 0; r < requests; r++) {
            var seqs = seqsOf("batch-parallel-" + r);
            assertThat(seqs).hasSize(each);
            assertThat(seqs.get(each - 1) - seqs.get(0)).isEqualTo(each - 1);
        }
        assertThat(chain.verify().intact()).isTrue();
    }
}

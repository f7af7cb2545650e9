package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.OwnerDatabase;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.AccessAction;
import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.identity.PersonalDataAccessed;
import nl.jobcoachmonitor.identity.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The access log is a hash chain: the privacy officer's page checks it and says whether it is intact, with its head
 * hash to note elsewhere; writers on several connections at once keep it whole; and a row changed or removed by the
 * owner of the database (who can switch the append-only trigger off) shows as the place where it breaks.
 */
@IntegrationTest
class AuditChainTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired OwnerDatabase owner;
    @Autowired AccessLog log;
    @Autowired AuditChain chain;

    private void logRead(String username) {
        log.on(new PersonalDataAccessed(Instant.now(), username, Role.COACH, AccessAction.READ, "trajectory", "1",
                null, true, "127.0.0.1", null, null, OnBehalfOf.ORGANISATION, null));
    }

    private String auditPage() throws Exception {
        return mvc.perform(get("/audit").with(data.as("privacy"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void thePageSaysTheChainIsIntactWithItsLengthAndHeadHash() throws Exception {
        logRead("chain-test");
        var status = chain.verify();
        assertThat(status.intact()).isTrue();
        assertThat(status.rows()).isEqualTo(data.count("audit_event"));
        String head = jdbc.sql("select row_hash from audit_event where chain_seq = :s").param("s", status.rows())
                .query(String.class).single();
        assertThat(status.headHash()).isEqualTo(head).hasSize(64);

        assertThat(auditPage()).contains("Keten intact: ").contains(" regels, laatste hash " + head);
        assertThat(mvc.perform(get("/audit").param("lang", "en").with(data.as("privacy"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Chain intact: ").contains(" rows, last hash "); // a newer head: the Dutch page was logged
    }

    @Test
    void parallelWritersKeepTheChainWhole() throws Exception {
        long before = data.count("audit_event");
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        var start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                String name = "writer-" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        logRead(name);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(data.count("audit_event")).isEqualTo(before + writers * each);
        var status = chain.verify();
        assertThat(status.intact()).as("%s", status).isTrue();
        assertThat(status.rows()).isEqualTo(before + writers * each);
        assertThat(jdbc.sql("select count(distinct previous_hash) from audit_event").query(Long.class).single())
                .as("no two rows follow the same row").isEqualTo(before + writers * each);
    }

    @Test
    void aRowTheOwnerChangesBreaksTheChainThere() throws Exception {
        for (int i = 0; i < 3; i++) {
            logRead("tamper-test");
        }
        assertThat(chain.verify().intact()).isTrue();
        long id = jdbc.sql("select min(id) from audit_event where username = 'tamper-test'").query(Long.class)
                .single();
        long seq = jdbc.sql("select chain_seq from audit_event where id = :id").param("id", id).query(Long.class)
                .single();

        withTriggerOff(() -> owner.jdbc().sql("update audit_event set username = 'someone-else' where id = :id")
                .param("id", id).update());
        try {
            var status = chain.verify();
            assertThat(status.intact()).isFalse();
            assertThat(status.brokenAtId()).isEqualTo(id);
            assertThat(status.brokenAtSeq()).isEqualTo(seq);
            assertThat(auditPage()).contains("Keten verbroken bij regel " + id + " (nummer " + seq + " in de keten)")
                    .doesNotContain("Keten intact");
        } finally {
            withTriggerOff(() -> owner.jdbc().sql("update audit_event set username = 'tamper-test' where id = :id")
                    .param("id", id).update());
        }
        assertThat(chain.verify().intact()).as("whole again once the row is as it was").isTrue();
    }

    @Test
    void removingTheLastRowsShowsTheChainEndsTooSoon() throws Exception {
        logRead("tail-test");
        long seq = chain.verify().rows();
        owner.jdbc().sql("create table audit_event_saved as select * from audit_event where chain_seq = :s")
                .param("s", seq).update();
        try {
            withTriggerOff(() -> owner.jdbc().sql("delete from audit_event where chain_seq = :s").param("s", seq)
                    .update());
            var status = chain.verify();
            assertThat(status.intact()).isFalse();
            assertThat(status.endMissing()).isTrue();
            assertThat(status.lastSeq()).isEqualTo(seq - 1);
            // Writing goes on after the gap (the head is right); the check still finds the rows that are missing.
            logRead("after-the-gap");
            assertThat(chain.verify().intact()).isFalse();
            assertThat(auditPage()).contains("Keten verbroken");
        } finally {
            owner.jdbc().sql("insert into audit_event select * from audit_event_saved").update();
            owner.jdbc().sql("drop table audit_event_saved").update();
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    /** What only the owner can do: switch the append-only trigger off (drop it on H2) for one change. */
    private void withTriggerOff(Runnable change) {
        if (owner.postgres()) {
            owner.jdbc().sql("alter table audit_event disable trigger audit_event_no_change").update();
            try {
                change.run();
            } finally {
                owner.jdbc().sql("alter table audit_event enable trigger audit_event_no_change").update();
            }
        } else {
            owner.jdbc().sql("drop trigger audit_event_no_change").update();
            try {
                change.run();
            } finally {
                owner.jdbc().sql("create trigger audit_event_no_change before update, delete on audit_event "
                        + "for each row call \"nl.jobcoachmonitor.audit.AppendOnly\"").update();
            }
        }
    }
}

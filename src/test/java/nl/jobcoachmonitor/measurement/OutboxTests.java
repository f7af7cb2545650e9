package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.mail.MailLanguage;
import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without a mail server (the embedded default, as a newcomer runs it) questionnaire mails are kept in the outbox, link
 * included, and only the administrator reads it.
 */
@IntegrationTest
class OutboxTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;
    @Autowired QuestionnaireReminders reminders;
    @Autowired QuestionnaireInvitations invitations;

    MailTestSupport support;

    @BeforeEach
    void setUp() {
        support = new MailTestSupport(trajectories, users, jdbc);
    }

    @Test
    void withoutAMailServerTheMailIsKeptInTheOutboxWhereTheAdministratorFollowsItsLink() throws Exception {
        String earlier = MailTestSupport.address("eerder");
        var before = support.start("Ilse", "Outboxtest", earlier, LocalDate.now());
        invitations.invite(support.coach(), before.id(), before.t0(), Respondent.EMPLOYEE,
                earlier, MailLanguage.EN, "http://localhost");
        String address = MailTestSupport.address("outbox");
        var t = support.start("Eva", "Outboxtest", address, LocalDate.now());
        var sent = mvc.perform(post("/trajectories/{id}/waves/{w}/employee-mail", t.id(), t.t0())
                .with(data.as("coach")).with(csrf()).param("address", address).param("language", "NL")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + t.id());
        // Nothing reached the employee: a warning, not a success.
        assertThat(sent.getFlashMap().get("saved")).isNull();
        assertThat(sent.getFlashMap().get("warning")).isEqualTo("measurement.mail.inOutbox");

        var mail = jdbc.sql("select delivery, sent_at, failure, body from questionnaire_mail where wave_id = :w")
                .param("w", t.t0()).query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getTimestamp(2)),
                        String.valueOf(rs.getString(3)), rs.getString(4))).single();
        assertThat(mail.subList(0, 3)).containsExactly("OUTBOX", "null", "null");
        String token = MailTestSupport.token(mail.get(3));
        assertThat(mail.get(3)).startsWith("Beste Eva,");

        var next = get("/trajectories/{id}", t.id()).with(data.as("coach")).cookie(sent.getResponse().getCookies());
        if (sent.getRequest().getSession(false) instanceof org.springframework.mock.web.MockHttpSession s) {
            next.session(s);
        }
        String page = mvc.perform(next).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("E-mail: uitnodiging alleen bewaard (geen mailserver)");
        assertThat(Jsoup.parse(page).select(".alert-warning").text()).contains("Er is geen mailserver ingesteld");

        var outbox = Jsoup.parse(mvc.perform(get("/admin/outbox").with(data.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(outbox.select("nav a[href='/admin/outbox']")).as("in the administrator's menu").hasSize(1);
        assertThat(outbox.text()).contains("Er is geen mailserver ingesteld");
        var cards = outbox.select("article.mail");
        var card = cards.stream().filter(c -> c.text().contains(address)).findFirst().orElseThrow();
        assertThat(cards.indexOf(card)).as("newest first: after mails made later (the mail tests' clock runs ahead)")
                .isLessThan(cards.indexOf(cards.stream().filter(c -> c.text().contains(earlier)).findFirst()
                        .orElseThrow()));
        assertThat(card.text()).contains(address)
                .contains("Vragenlijst over je werk en je begeleiding").contains("uitnodiging aan de werknemer (nl)")
                .contains("alleen bewaard (geen mailserver)");
        assertThat(card.select("pre.mail-body").text()).contains("Beste Eva,").contains(token);
        long mailId = jdbc.sql("select id from questionnaire_mail where wave_id = :w").param("w", t.t0())
                .query(Long.class).single();
        String open = card.select("a").attr("href");
        assertThat(open).isEqualTo("/admin/outbox/" + mailId + "/open");
        long opened = data.count("audit_event", "username = 'admin' and object_type = 'personal_link' and object_id = :p",
                String.valueOf(mailId));
        assertThat(mvc.perform(get(open).with(data.as("admin"))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("http://localhost/q/" + token + "?lang=nl");
        assertThat(data.count("audit_event", "username = 'admin' and object_type = 'personal_link' and object_id = :p "
                + "and action = 'READ' and outcome = 'ALLOWED'", String.valueOf(mailId)))
                .as("opening the link is logged as the administrator").isEqualTo(opened + 1);
        mvc.perform(get("/q/{token}", token)).andExpect(status().isOk());

        long denied = data.deniedAccessesBy("admin");
        mvc.perform(get("/admin/outbox/{id}/open", Long.MAX_VALUE).with(data.as("admin")))
                .andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("admin")).as("an unknown mail is refused and logged").isEqualTo(denied + 1);
    }

    @Test
    void aReminderWithoutAMailServerIsKeptInTheOutboxWithItsNewLink() {
        var t = support.start("Sem", "Outboxherinnering", null, LocalDate.now().minusDays(9));
        String address = MailTestSupport.address("outbox-herinnering");
        invitations.invite(support.coach(), t.id(), t.t0(), Respondent.EMPLOYEE,
                address, MailLanguage.NL, "http://localhost");
        // the invitation went out 8 days ago (this context's clock is the real one)
        jdbc.sql("update questionnaire_mail set created_at = :at where wave_id = :w")
                .param("at", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(8))))
                .param("w", t.t0()).update();
        reminders.sendDueReminders();
        reminders.sendDueReminders();
        var bodies = jdbc.sql("select body from questionnaire_mail where wave_id = :w and kind = 'REMINDER'")
                .param("w", t.t0()).query(String.class).list();
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).startsWith("Beste Sem,").containsPattern(MailTestSupport.LINK);
    }

    @Test
    void onlyTheAdministratorOpensTheOutbox() throws Exception {
        mvc.perform(get("/admin/outbox").with(data.as("admin"))).andExpect(status().isOk());
        for (String username : List.of("coach", "manager", "gemeente", "onderzoeker")) {
            long denied = data.deniedAccessesBy(username);
            var response = mvc.perform(get("/admin/outbox").with(data.as(username))).andReturn().getResponse();
            assertThat(response.getStatus()).as(username).isEqualTo(403);
            assertThat(response.getContentAsString()).doesNotContain("mail-body");
            assertThat(data.deniedAccessesBy(username)).as("logged").isEqualTo(denied + 1);
        }
        mvc.perform(get("/admin/outbox")).andExpect(status().is3xxRedirection());
    }
}

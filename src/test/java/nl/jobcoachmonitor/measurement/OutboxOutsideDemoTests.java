package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outside demo mode, without a mail server, nothing that works as a personal link is kept where an administrator could
 * open it as the employee: a mail is refused before any link is made, the reminder job makes none, and the outbox
 * shows no link, not even one kept earlier. ({@code jcm.mail.outbox-keeps-links} is what demo mode sets; the demo
 * cohort stays loaded so that the test has its coaches and trajectories.)
 */
@IntegrationTest
@TestPropertySource(properties = "jcm.mail.outbox-keeps-links=false")
class OutboxOutsideDemoTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;
    @Autowired QuestionnaireReminders reminders;

    MailTestSupport support;

    @BeforeEach
    void setUp() {
        support = new MailTestSupport(trajectories, users, jdbc);
    }

    @Test
    void aMailWithoutAMailServerIsRefusedAndNoLinkIsMade() throws Exception {
        String address = MailTestSupport.address("geen-server");
        var t = support.start("Noor", "Zonderserver", address, LocalDate.now());
        long mails = data.count("questionnaire_mail");
        long links = data.count("questionnaire_link");

        var page = Jsoup.parse(mvc.perform(post("/trajectories/{id}/waves/{w}/employee-mail", t.id(), t.t0())
                .with(data.as("coach")).with(csrf()).param("address", address).param("language", "NL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.text()).contains("Er is geen mailserver ingesteld, dus deze e-mail kan niet worden verstuurd");
        assertThat(data.count("questionnaire_mail")).as("no mail recorded").isEqualTo(mails);
        assertThat(data.count("questionnaire_link")).as("no link made (rolled back with the mail)").isEqualTo(links);

        var ownData = mvc.perform(post("/trajectories/{id}/own-data-mail", t.id()).with(data.as("coach"))
                .with(csrf()).param("language", "nl")).andReturn();
        assertThat(ownData.getFlashMap().get("saved")).isEqualTo("mail.noServer");
        assertThat(data.count("questionnaire_mail")).isEqualTo(mails);
        assertThat(data.count("own_data_link", "employee_id = :p", data.employeeIdOf(t.id())))
                .as("no own-data link made").isZero();
    }

    @Test
    void theReminderJobMakesNoLinkAndTheOutboxShowsNone() throws Exception {
        var t = support.start("Olaf", "Zonderserver", null, LocalDate.now().minusDays(9));
        String token = "k".repeat(43);
        // A mail kept with its working link before demo mode was switched off (or by an older version).
        jdbc.sql("""
                insert into questionnaire_mail (wave_id, respondent, person_id, kind, address, language, subject, body,
                  delivery, link_base, created_at)
                values (:w, 'EMPLOYEE', :p, 'INVITATION', 'olaf@example.org', 'nl', 'Vragenlijst',
                  :body, 'OUTBOX', 'http://localhost', :at)""")
                .param("w", t.t0()).param("p", data.employeeIdOf(t.id()))
                .param("body", "Beste Olaf,\n\nhttp://localhost/q/" + token + "?lang=nl\n")
                .param("at", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(8))))
                .update();
        long links = data.count("questionnaire_link");

        reminders.sendDueReminders();
        assertThat(data.count("questionnaire_mail", "wave_id = :p and kind = 'REMINDER'", t.t0())).isZero();
        assertThat(data.count("questionnaire_link")).as("no new link").isEqualTo(links);

        long mailId = jdbc.sql("select id from questionnaire_mail where wave_id = :w").param("w", t.t0())
                .query(Long.class).single();
        // the outbox lists the newest first, 20 a page: the page that holds this 8-day-old mail
        long newer = jdbc.sql("select count(*) from questionnaire_mail q, questionnaire_mail m where m.id = :m and "
                + "(q.created_at > m.created_at or (q.created_at = m.created_at and q.id > m.id))").param("m", mailId)
                .query(Long.class).single();
        var outbox = Jsoup.parse(mvc.perform(get("/admin/outbox").param("page", String.valueOf(newer / 20))
                .with(data.as("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(outbox.text()).contains("Buiten de demo wordt daarom geen e-mail met een persoonlijke link gemaakt")
                .contains("Beste Olaf,").doesNotContain(token);
        assertThat(outbox.select("a[href*=/open]")).isEmpty();

        long denied = data.deniedAccessesBy("admin");
        mvc.perform(get("/admin/outbox/{id}/open", mailId).with(data.as("admin"))).andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("admin")).as("refused and logged").isEqualTo(denied + 1);
    }
}

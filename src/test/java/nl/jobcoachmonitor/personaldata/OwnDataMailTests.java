package nl.jobcoachmonitor.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Pattern;

import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The coach mails the own-data link through the questionnaire mail machinery, to a real SMTP server. */
@MailIntegrationTest
class OwnDataMailTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired MeasurementManagement measurement;
    @Autowired UserDetailsService users;

    OwnDataFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new OwnDataFixture(mvc, data, jdbc, trajectories, contacts, measurement, users);
    }

    @AfterEach
    void closeRunning() {
        fixture.closeRunning();
    }

    @Test
    void theMailedLinkOpensTheEmployeesDataAndTheDatabaseNeverHoldsTheToken() throws Exception {
        long id = fixture.trajectory("Mailontvanger", "Inzage", "Notitie");
        String earlier = fixture.link(id);
        String address = "mailontvanger@example.org";

        var sent = mvc.perform(post("/trajectories/{id}/own-data-mail", id).with(data.as("coach")).with(csrf())
                .param("language", "en")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + id + "#own-data");
        assertThat(sent.getFlashMap().get("saved")).isEqualTo("owndata.mail.sent");

        var received = TestMailServer.receivedBy(address);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("See your data at your coach");
        String text = TestMailServer.part(received.get(0), "text/plain");
        assertThat(text).startsWith("Dear Mailontvanger,").contains("do not forward it");
        var matcher = Pattern.compile("/own/([A-Za-z0-9_-]{43})\\?lang=en").matcher(text);
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);

        var mail = jdbc.sql("select kind, wave_id, delivery, body, sent_at from questionnaire_mail where address = :a")
                .param("a", address).query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5)}).single();
        assertThat(mail[0]).isEqualTo("OWN_DATA");
        assertThat(mail[1]).isNull();
        assertThat(mail[2]).isEqualTo("SMTP");
        assertThat((String) mail[3]).doesNotContain(token).contains("[personal link, not stored]");
        assertThat(mail[4]).isNotNull();

        var phone = fixture.phone();
        assertThat(phone.open(token).getResponse().getStatus()).isEqualTo(200);
        assertThat(phone.get("/own").getResponse().getContentAsString()).contains("Mailontvanger");
        assertThat(fixture.phone().open(earlier).getResponse().getStatus()).as("the earlier link stops").isEqualTo(404);
        String outbox = mvc.perform(get("/admin/outbox").with(data.as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(outbox).contains("See your data at your coach").doesNotContain(token);
    }

    @Test
    void withoutAnAddressNothingIsMailedAndNoLinkIsMade() throws Exception {
        long id = fixture.trajectory("Zonderadres", "Inzage", "Notitie");
        jdbc.sql("update employee set email = null where id = :e").param("e", data.employeeIdOf(id)).update();
        long links = data.count("own_data_link");
        long mails = data.count("questionnaire_mail");
        var sent = mvc.perform(post("/trajectories/{id}/own-data-mail", id).with(data.as("coach")).with(csrf())
                .param("language", "nl")).andReturn();
        assertThat(sent.getFlashMap().get("saved")).isEqualTo("owndata.mail.noAddress");
        assertThat(data.count("own_data_link")).isEqualTo(links);
        assertThat(data.count("questionnaire_mail")).isEqualTo(mails);
    }
}

package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import nl.jobcoachmonitor.mail.EmployeeLinkMails;
import nl.jobcoachmonitor.mail.MailKind;
import nl.jobcoachmonitor.mail.MailLanguage;
import nl.jobcoachmonitor.mail.Mails;
import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryParties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The coach mails a questionnaire; a real SMTP server (GreenMail) receives it. The link in the mail works, the
 * database keeps the mail without it, a bad address stores nothing, markup in a name stays text, and a mail server
 * that is down is reported to the coach while the mail is kept with its error.
 */
@MailIntegrationTest
class InvitationMailTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;
    @Autowired MeasurementManagement measurement;
    @Autowired QuestionnaireInvitations invitations;
    @Autowired Mails mails;
    @Autowired EmployeeLinkMails employeeLinkMails;
    @Autowired JavaMailSender mailSender;

    MailTestSupport support;

    @BeforeEach
    void setUp() {
        support = new MailTestSupport(trajectories, users, jdbc);
    }

    private static String mailPath(MailTestSupport.Trajectory t, String who) {
        return "/trajectories/" + t.id() + "/waves/" + t.t0() + "/" + who + "-mail";
    }

    private MvcResult send(MailTestSupport.Trajectory t, String who, String address, String language)
            throws Exception {
        return mvc.perform(post(mailPath(t, who)).with(data.as("coach")).with(csrf()).param("address", address)
                .param("language", language)).andReturn();
    }

    private MimeMessage onlyMessageTo(String address) {
        var received = TestMailServer.receivedBy(address);
        assertThat(received).as("mails to " + address).hasSize(1);
        return received.get(0);
    }

    private String row(long mailId, String column) {
        return jdbc.sql("select " + column + " from questionnaire_mail where id = :id").param("id", mailId)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private long lastMailOf(MailTestSupport.Trajectory t) {
        return jdbc.sql("select max(id) from questionnaire_mail where wave_id = :w").param("w", t.t0())
                .query(Long.class).single();
    }

    @Test
    void theCoachMailsTheEmployeeInEnglishAndTheLinkInTheMailOpensTheQuestionnaire() throws Exception {
        String address = MailTestSupport.address("sanne");
        var t = support.start("Sanne", "Mailtest", address, LocalDate.now());
        String earlier = measurement.createLink(support.coach(), t.id(), t.t0(), Respondent.EMPLOYEE).token();

        String form = mvc.perform(get(mailPath(t, "employee")).with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Vragenlijst T0 mailen naar de werknemer").contains("value=\"" + address + "\"");

        var sent = send(t, "employee", address, "EN");
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + t.id());
        assertThat(sent.getFlashMap().get("saved")).isEqualTo("measurement.mail.sent");

        var message = onlyMessageTo(address);
        assertThat(message.getSubject()).isEqualTo("Questionnaire about your work and your coaching");
        assertThat(message.getFrom()[0].toString()).contains("Jobcoach Monitor");
        String text = TestMailServer.part(message, "text/plain");
        String html = TestMailServer.part(message, "text/html");
        assertThat(text).startsWith("Dear Sanne,").contains("Kind regards,");
        String token = MailTestSupport.token(text);
        assertThat(text).contains("http://localhost/q/" + token + "?lang=en");
        assertThat(html).contains("lang=\"en\"").contains("href=\"http://localhost/q/" + token + "?lang=en\"");

        mvc.perform(get("/q/{token}", token)).andExpect(status().isOk());
        mvc.perform(get("/q/{token}", earlier)).andExpect(status().isNotFound());

        long mail = lastMailOf(t);
        assertThat(row(mail, "delivery")).isEqualTo("SMTP");
        assertThat(row(mail, "language")).isEqualTo("en");
        assertThat(row(mail, "kind")).isEqualTo("INVITATION");
        assertThat(row(mail, "address")).isEqualTo(address);
        assertThat(row(mail, "sent_at")).isNotNull();
        assertThat(row(mail, "failure")).isNull();
        assertThat(row(mail, "body")).as("the database never holds the token").doesNotContain(token)
                .contains("[personal link, not stored]").startsWith("Dear Sanne,");
        assertThat(data.count("audit_event", "action = 'CREATE' and object_type = 'questionnaire_mail' "
                + "and object_id = :p", String.valueOf(mail))).isEqualTo(1);

        String page = mvc.perform(get("/trajectories/{id}", t.id()).with(data.as("coach")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("E-mail: uitnodiging verstuurd");
    }

    @Test
    void theEmployerContactGetsAFormalDutchMailAtTheAddressTheCoachTyped() throws Exception {
        var t = support.start("Ahmed", "Werkgevertest", MailTestSupport.address("ahmed"), LocalDate.now());
        String form = mvc.perform(get(mailPath(t, "employer")).with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("E-mailadres van de contactpersoon bij de werkgever")
                .doesNotContain("ahmed.");

        String address = MailTestSupport.address("leidinggevende");
        assertThat(send(t, "employer", address, "NL").getFlashMap().get("saved")).isEqualTo("measurement.mail.sent");
        var message = onlyMessageTo(address);
        assertThat(message.getSubject()).isEqualTo("Vragenlijst over de begeleiding van Ahmed Werkgevertest");
        String text = TestMailServer.part(message, "text/plain");
        assertThat(text).startsWith("Geachte heer, mevrouw,").contains("vrijwillig").contains("?lang=nl")
                .contains("Met vriendelijke groet,");
        assertThat(row(lastMailOf(t), "respondent")).isEqualTo("EMPLOYER");
        var phoneOfEmployer = mvc.perform(get("/q/{token}", MailTestSupport.token(text))).andReturn();
        assertThat(phoneOfEmployer.getResponse().getStatus()).isEqualTo(200);
        // The questionnaire itself names the employee it is about (issue 12).
        var request = get("/q").cookie(phoneOfEmployer.getResponse().getCookies());
        if (phoneOfEmployer.getRequest().getSession(false) instanceof org.springframework.mock.web.MockHttpSession s) {
            request.session(s);
        }
        String questionnaire = mvc.perform(request)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(questionnaire).contains("Deze vragenlijst gaat over het werk en de begeleiding van Ahmed Werkgevertest.");
        // Signed with the coach's organisation and a way to reach the coach.
        var coach = jdbc.sql("select u.display_name, u.email, o.name from app_user u join organisation o "
                + "on o.id = u.organisation_id where u.username = 'coach'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(text).contains(coach[0] + ", jobcoach bij " + coach[2]);
        if (coach[1] != null) {
            assertThat(text).contains("Bereikbaar via " + coach[1]);
        }
        // The employer contact's address is remembered for the next invitation.
        String again = mvc.perform(get(mailPath(t, "employer")).with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("value=\"" + address + "\"");
    }

    @Test
    void aBadAddressIsExplainedAtTheFieldAndNothingIsStoredOrSent() throws Exception {
        var t = support.start("Bram", "Adrestest", null, LocalDate.now());
        long mails = data.count("questionnaire_mail");
        long links = data.count("questionnaire_link");
        int received = TestMailServer.get().getReceivedMessages().length;

        for (String bad : List.of("naam@voorbeeld", "geen adres", "naam@@voorbeeld.nl", "a@b.nl\r\nBcc: x@y.nl")) {
            String page = send(t, "employee", bad, "NL").getResponse().getContentAsString();
            assertThat(page).as(bad).contains("Dit is geen geldig e-mailadres.")
                    .contains("id=\"address-error\"").contains("aria-describedby=\"address-error\"")
                    .contains("aria-invalid=\"true\"");
        }
        assertThat(send(t, "employee", "   ", "NL").getResponse().getContentAsString())
                .contains("Vul een e-mailadres in.");
        String english = mvc.perform(post(mailPath(t, "employee") + "?lang=en").with(data.as("coach")).with(csrf())
                .param("address", "name@example").param("language", "EN")).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("This is not a valid email address.");

        assertThat(data.count("questionnaire_mail")).isEqualTo(mails);
        assertThat(data.count("questionnaire_link")).isEqualTo(links);
        assertThat(TestMailServer.get().getReceivedMessages()).hasSize(received);
    }

    @Test
    void htmlOrScriptInANameIsTextInTheMailTheCoachsPagesAndTheOutbox() throws Exception {
        String address = MailTestSupport.address("script");
        var t = support.start("<script>alert(1)</script>", "<b>Vet</b>", address, LocalDate.now());
        mvc.perform(get(mailPath(t, "employee")).with(data.as("coach"))).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Vet&lt;/b&gt;")
                        .doesNotContain("<script>alert(1)"));
        send(t, "employee", address, "NL");

        var message = onlyMessageTo(address);
        String html = TestMailServer.part(message, "text/html");
        assertThat(html).contains("Beste &lt;script&gt;alert(1)&lt;/script&gt;,").doesNotContain("<script>")
                .doesNotContain("<b>Vet");
        assertThat(TestMailServer.part(message, "text/plain")).startsWith("Beste <script>alert(1)</script>,");

        String outbox = mvc.perform(get("/admin/outbox").with(data.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(outbox).contains("Beste &lt;script&gt;alert(1)&lt;/script&gt;,").doesNotContain("<script>alert");
    }

    @Test
    void whenTheMailServerIsDownTheCoachIsToldAndTheMailIsKeptWithItsError() throws Exception {
        String address = MailTestSupport.address("storing");
        var t = support.start("Noor", "Storingstest", address, LocalDate.now());
        var smtp = (JavaMailSenderImpl) mailSender;
        int port = smtp.getPort();
        smtp.setPort(closedPort());
        MvcResult sent;
        try {
            sent = send(t, "employee", address, "NL");
        } finally {
            smtp.setPort(port);
        }
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(mailPath(t, "employee"));
        assertThat(sent.getFlashMap().get("failed")).isEqualTo(true);
        // the redirect, as the browser follows it: with the session (Spring Session) that holds the flash attributes
        String form = mvc.perform(get(mailPath(t, "employee")).with(data.as("coach"))
                .cookie(sent.getResponse().getCookie("SESSION"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("role=\"alert\"").contains("De e-mail is niet verstuurd")
                .contains("value=\"" + address + "\"");

        long mail = lastMailOf(t);
        assertThat(row(mail, "sent_at")).isNull();
        assertThat(row(mail, "failure")).isNotBlank();
        assertThat(row(mail, "body")).contains("Beste Noor,");
        assertThat(TestMailServer.receivedBy(address)).isEmpty();
        String page = mvc.perform(get("/trajectories/{id}", t.id()).with(data.as("coach")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("E-mail: uitnodiging niet verstuurd");
        String outbox = mvc.perform(get("/admin/outbox").with(data.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(outbox).contains(address).contains("niet verstuurd");

        assertThat(send(t, "employee", address, "NL").getFlashMap().get("saved"))
                .as("once the server is back, sending again works").isEqualTo("measurement.mail.sent");
        assertThat(TestMailServer.receivedBy(address)).hasSize(1);
    }

    @Test
    void everyMailReadsInDutchAndEnglishWithEveryPlaceholderFilledIn() {
        var parties = new TrajectoryParties(1, 2, "Sanne", "Sanne de Vries", "s@voorbeeld.nl", "Coach Naam", null);
        for (MailKind kind : List.of(MailKind.INVITATION, MailKind.REMINDER)) {
            for (Respondent respondent : List.of(Respondent.EMPLOYEE, Respondent.EMPLOYER)) {
                for (MailLanguage language : MailLanguage.values()) {
                    var letter = invitations.letter(kind, respondent, language, parties, LocalDate.of(2026, 3, 14));
                    String text = letter.text("https://example.org/q/x");
                    assertThat(text).as(kind + " " + respondent + " " + language).doesNotContain("{")
                            .contains("https://example.org/q/x").contains("Coach Naam")
                            .contains(language == MailLanguage.NL ? "14 maart 2026" : "14 March 2026");
                    assertThat(letter.textWithoutLink()).doesNotContain("https://");
                    assertThat(mails.html(letter, "https://example.org/q/x"))
                            .contains("lang=\"" + language.code() + "\"").contains(letter.subject());
                }
            }
        }
        for (MailLanguage language : MailLanguage.values()) {
            var letter = employeeLinkMails.letter(MailKind.OWN_DATA, language, parties, LocalDate.of(2026, 3, 14));
            String text = letter.text("https://example.org/own/x");
            assertThat(text).as("own data " + language).doesNotContain("{").contains("https://example.org/own/x")
                    .contains("Sanne").contains("Coach Naam")
                    .contains(language == MailLanguage.NL ? "14 maart 2026" : "14 March 2026");
            assertThat(letter.textWithoutLink()).doesNotContain("https://");
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

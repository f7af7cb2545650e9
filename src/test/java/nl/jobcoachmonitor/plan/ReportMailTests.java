package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.trajectory.CaseNumbers;
import nl.jobcoachmonitor.trajectory.CaseNumbersForm;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing a report off by mail: the report goes, with its PDF attached, to the address of the commissioner's grant
 * rules, over real SMTP (GreenMail); how, when, to whom and by whom is recorded once and shown on the report page.
 */
@MailIntegrationTest
class ReportMailTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired AccountabilityManagement accountability;
    @Autowired AccountabilityReports reports;
    @Autowired GrantRules rules;
    @Autowired CaseNumbers caseNumbers;

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
    }

    long trajectory(String commissioner, String reportEmail, LocalDate start) {
        jdbc.sql("insert into commissioner (name, kind) values (:n, 'MUNICIPALITY')").param("n", commissioner).update();
        long id = jdbc.sql("select id from commissioner where name = :n").param("n", commissioner)
                .query(Long.class).single();
        rules.save(new GrantRule(id, new BigDecimal("20"), 6, 24, 6, ReportTemplate.MUNICIPALITY,
                new BigDecimal("6.5"), GrantRule.FROM_THE_BEGINNING, reportEmail));
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Lotte", commissioner.replace(' ', '-'),
                LocalDate.of(1998, 2, 2), null, null, id, TrajectoryPhase.COACHING, start, null, "Mail BV",
                "Medewerker", new BigDecimal("20"), ContractType.TEMPORARY, start, null));
    }

    @Test
    void theSignedReportIsMailedWithItsPdfAndTheSendingIsRecordedOnce() throws Exception {
        LocalDate start = LocalDate.now().minusDays(15);
        String address = "verantwoording@mailstad.example";
        long id = trajectory("Gemeente Mailstad", address, start);
        caseNumbers.change(coach(), id, new CaseNumbersForm("C-1", "ZAAK-7781"));
        long reportId = accountability.generate(coach(), id, start);

        var signed = mvc.perform(post("/trajectories/{id}/reports/{r}/sign", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc))).with(csrf()).param("confirmed", "true").param("how", "MAIL"))
                .andReturn();
        assertThat(signed.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + id + "/reports/" + reportId);
        assertThat(signed.getFlashMap().get("reportSaved")).isEqualTo("report.acc.signedOffMailed");

        var received = TestMailServer.receivedBy(address);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).startsWith("Verantwoordingsrapportage ZAAK-7781");
        String text = TestMailServer.part(mail, "text/plain");
        String organisation = jdbc.sql("select o.name from organisation o join app_user u on u.organisation_id = o.id "
                + "where u.username = 'plancoach'").query(String.class).single();
        assertThat(text).startsWith("Geachte heer, mevrouw,").contains("Lotte")
                .contains("Pim Plan, jobcoach bij " + organisation).contains("plancoach@example.org");
        var report = accountability.report(coach(), id, reportId);
        var attachments = attachments(mail);
        assertThat(attachments).extracting(a -> a.name).containsExactly(report.fileName());
        assertThat(report.fileName()).startsWith("verantwoording-ZAAK-7781-" + start);
        try (var pdf = Loader.loadPDF(attachments.get(0).content)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("ZAAK-7781").contains("Lotte");
        }

        assertThat(report.sending().how()).isEqualTo("MAIL");
        assertThat(report.sending().to()).isEqualTo(address);
        assertThat(report.sending().on()).isEqualTo(LocalDate.now());
        assertThat(report.sending().byName()).isEqualTo("Pim Plan");
        String page = mvc.perform(get("/trajectories/{id}/reports/{r}", id, reportId).with(data.as("manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Gemaild naar " + address).contains("door Pim Plan")
                .contains("De mailserver heeft de e-mail aangenomen.");
        assertThat(jdbc.sql("select body from questionnaire_mail where address = :a").param("a", address)
                .query(String.class).single()).contains("ZAAK-7781");

        // The record cannot be changed afterwards: not by signing again, not in the repository.
        mvc.perform(post("/trajectories/{id}/reports/{r}/sign", id, reportId).with(data.as(PlanCoach.ensure(jdbc)))
                .with(csrf()).param("confirmed", "true").param("how", "HANDED_OVER")
                .param("handedOverOn", LocalDate.now().toString())).andExpect(status().isConflict());
        assertThatThrownBy(() -> reports.sent(id, reportId, "HANDED_OVER", null, LocalDate.now(), null))
                .isInstanceOf(ConflictException.class);
        assertThat(TestMailServer.receivedBy(address)).hasSize(1);
        assertThat(accountability.report(coach(), id, reportId).sending()).isEqualTo(report.sending());
    }

    @Test
    void withoutTheCommissionersAddressNothingIsSignedOrMailed() throws Exception {
        LocalDate start = LocalDate.now().minusDays(15);
        long id = trajectory("Gemeente Zonderpost", null, start);
        long reportId = accountability.generate(coach(), id, start);
        String page = mvc.perform(post("/trajectories/{id}/reports/{r}/sign", id, reportId)
                        .with(data.as(PlanCoach.ensure(jdbc))).with(csrf()).param("confirmed", "true")
                        .param("how", "MAIL"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("how-error").contains("geen e-mailadres ingesteld");
        assertThat(accountability.report(coach(), id, reportId).signed()).isFalse();
        String future = mvc.perform(post("/trajectories/{id}/reports/{r}/sign", id, reportId)
                        .with(data.as(PlanCoach.ensure(jdbc))).with(csrf()).param("confirmed", "true")
                        .param("how", "HANDED_OVER").param("handedOverOn", LocalDate.now().plusDays(1).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(future).contains("handedOverOn-error");
        assertThat(accountability.report(coach(), id, reportId).signed()).isFalse();
    }

    record Attached(String name, byte[] content) {
    }

    private static List<Attached> attachments(Part part) throws MessagingException, IOException {
        var found = new ArrayList<Attached>();
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                found.addAll(attachments(body));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(new Attached(part.getFileName(), part.getInputStream().readAllBytes()));
        }
        return found;
    }
}

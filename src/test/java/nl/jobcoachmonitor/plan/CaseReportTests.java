package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.CaseNumbers;
import nl.jobcoachmonitor.trajectory.CaseNumbersForm;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The accountability report as UWV and a municipality file it: it identifies the case (employee, client number or
 * date of birth, case number, organisation, coach, employer), merges a care provider's hours into "others", and its
 * PDF is named after the case number and the period. Grant rules change from a date without rewriting the past.
 */
@IntegrationTest
class CaseReportTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired AccountabilityManagement accountability;
    @Autowired PlanManagement plans;
    @Autowired GrantRules rules;
    @Autowired CaseNumbers caseNumbers;

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
    }

    long commissioner(String name) {
        jdbc.sql("insert into commissioner (name, kind) values (:n, 'MUNICIPALITY')").param("n", name).update();
        long id = jdbc.sql("select id from commissioner where name = :n").param("n", name).query(Long.class).single();
        rules.save(new GrantRule(id, new BigDecimal("20"), 6, 24, 6, ReportTemplate.MUNICIPALITY,
                new BigDecimal("6.5")));
        return id;
    }

    long trajectory(long commissioner, String lastName, LocalDate start) {
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Noor", lastName, LocalDate.of(1996, 4, 17),
                null, null, commissioner, TrajectoryPhase.COACHING, start, null, "Drukkerij " + lastName,
                "Medewerker", new BigDecimal("20"), ContractType.TEMPORARY, start, null));
    }

    @Test
    void theReportIdentifiesTheCaseWithoutACareRowAndItsFileCarriesTheCaseNumberAndPeriod() throws Exception {
        LocalDate start = LocalDate.now().minusDays(20);
        long id = trajectory(commissioner("Gemeente Zaakstad"), "Zaakmans", start);
        mvc.perform(post("/trajectories/{id}/case-numbers", id).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                        .param("clientNumber", " KL-88123 ").param("caseNumber", "WMO/2026/0042"))
                .andExpect(status().is3xxRedirection());
        contacts.log(coach(), id, new LogContactForm(start.plusDays(2), 60, Party.EMPLOYEE, ContactMode.OFFICE,
                Set.of(Theme.STRESS), null, null, Set.of()));
        contacts.log(coach(), id, new LogContactForm(start.plusDays(3), 45, Party.CARE_PROVIDER, ContactMode.PHONE,
                Set.of(), null, null, Set.of()));
        contacts.log(coach(), id, new LogContactForm(start.plusDays(4), 15, Party.OTHER, ContactMode.PHONE,
                Set.of(), null, null, Set.of()));

        long reportId = accountability.generate(coach(), id, start);
        var report = accountability.report(coach(), id, reportId);
        String organisation = jdbc.sql("select o.name from organisation o join app_user u on u.organisation_id = o.id "
                + "where u.username = 'plancoach'").query(String.class).single();
        assertThat(report.identity()).isEqualTo(new CaseIdentity("Noor Zaakmans", LocalDate.of(1996, 4, 17),
                "KL-88123", "WMO/2026/0042", organisation, "Pim Plan", "Drukkerij Zaakmans"));
        assertThat(report.parties()).extracting(AccountabilityReport.Line::label, AccountabilityReport.Line::minutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EMPLOYEE", 60),
                        org.assertj.core.groups.Tuple.tuple("OTHER", 60));
        assertThat(jdbc.sql("select count(*) from accountability_report_line where report_id = :r and label = "
                + "'CARE_PROVIDER'").param("r", reportId).query(Integer.class).single()).isZero();

        String page = mvc.perform(get("/trajectories/{id}/reports/{r}/print", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Noor Zaakmans").contains("KL-88123").contains("WMO/2026/0042")
                .contains(organisation).contains("Pim Plan").contains("Drukkerij Zaakmans")
                .doesNotContain("Zorgverlener").doesNotContain("17 april 1996")
                .containsPattern("/css/report-print(-[0-9a-f]+)?\\.css").doesNotContain("<style");

        var pdf = mvc.perform(get("/trajectories/{id}/reports/{r}/pdf", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc)))).andExpect(status().isOk()).andReturn().getResponse();
        String lastDay = start.plusMonths(6).minusDays(1).toString();
        assertThat(pdf.getHeader("Content-Disposition")).contains(
                "verantwoording-WMO-2026-0042-" + start + "-tot-" + lastDay + "-v1.pdf");
        String text = pdfText(pdf.getContentAsByteArray());
        assertThat(text).contains("Noor Zaakmans").contains("WMO/2026/0042").contains("KL-88123")
                .contains("Drukkerij Zaakmans").doesNotContain("Zorgverlener");
    }

    @Test
    void withoutAClientNumberTheReportShowsTheDateOfBirthAndTheFileTheTrajectory() throws Exception {
        LocalDate start = LocalDate.now().minusDays(20);
        long id = trajectory(commissioner("Gemeente Geboortestad"), "Geboortema", start);
        long reportId = accountability.generate(coach(), id, start);
        String page = mvc.perform(get("/trajectories/{id}/reports/{r}/print", id, reportId)
                .with(data.as("manager"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("17 april 1996").contains("Noor Geboortema");
        var pdf = mvc.perform(get("/trajectories/{id}/reports/{r}/pdf", id, reportId)
                .with(data.as("manager"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getHeader("Content-Disposition")).contains("verantwoording-traject-" + id + "-" + start);
    }

    @Test
    void caseNumbersAreScopedValidatedAndLogged() throws Exception {
        LocalDate start = LocalDate.now().minusDays(5);
        long id = trajectory(commissioner("Gemeente Nummerstad"), "Nummers", start);
        long denied = data.deniedAccessesBy("coach2");
        mvc.perform(post("/trajectories/{id}/case-numbers", id).with(data.as("coach2")).with(csrf())
                .param("caseNumber", "X")).andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("coach2")).isGreaterThan(denied);
        mvc.perform(post("/trajectories/{id}/case-numbers", id).with(data.as("gemeente")).with(csrf())
                .param("caseNumber", "X")).andExpect(status().isForbidden());
        String bad = mvc.perform(post("/trajectories/{id}/case-numbers", id).with(data.as("manager")).with(csrf())
                        .param("caseNumber", "<script>"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("caseNumber-error").contains("Gebruik alleen letters");
        assertThat(caseNumbers.of(coach(), id).caseNumber()).isNull();
        int changes = changesOf(id);
        mvc.perform(post("/trajectories/{id}/case-numbers", id).with(data.as("manager")).with(csrf())
                .param("caseNumber", "UWV 123")).andExpect(status().is3xxRedirection());
        assertThat(caseNumbers.of(coach(), id)).isEqualTo(new CaseNumbersForm(null, "UWV 123"));
        assertThat(changesOf(id)).isEqualTo(changes + 1);
        String trajectoryPage = mvc.perform(get("/trajectories/{id}", id).with(data.as(PlanCoach.ensure(jdbc))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(trajectoryPage).contains("id=\"case-numbers\"").contains("value=\"UWV 123\"");
    }

    @Test
    void aNewGrantRuleVersionNeverRewritesAnEarlierPeriodOrASignedReport() {
        LocalDate start = LocalDate.now().minusMonths(7);
        long commissioner = commissioner("Gemeente Wisselstad");
        long id = trajectory(commissioner, "Wisselaar", start);
        contacts.log(coach(), id, new LogContactForm(start.plusDays(5), 120, Party.EMPLOYEE, ContactMode.OFFICE,
                Set.of(), null, null, Set.of()));
        long signed = accountability.generate(coach(), id, start);
        accountability.signOff(coach(), id, signed);
        var before = accountability.report(coach(), id, signed);
        assertThat(before.hoursGranted()).isEqualTo(20.0);
        var rule = rules.of(commissioner).orElseThrow();
        var earlierPeriod = GrantUse.of(rules.history(commissioner).orElseThrow(), start, start.plusDays(5),
                plans.minutes(id));

        // From today: 40 hours per 3 months, reports every 3 months.
        rules.save(new GrantRule(commissioner, new BigDecimal("40"), 3, 24, 3, ReportTemplate.MUNICIPALITY,
                new BigDecimal("7"), LocalDate.now(), "rapportages@wisselstad.example"));

        var history = rules.history(commissioner).orElseThrow();
        assertThat(history.versions()).hasSize(2);
        assertThat(GrantUse.of(history, start, start.plusDays(5), plans.minutes(id))).isEqualTo(earlierPeriod);
        assertThat(history.at(start)).isEqualTo(rule);
        var after = accountability.report(coach(), id, signed);
        assertThat(after).isEqualTo(before);
        // A correction of the earlier period is made under the rules of that period.
        long corrected = accountability.correct(coach(), id, signed);
        assertThat(accountability.report(coach(), id, corrected).hoursGranted()).isEqualTo(20.0);
        // The first period keeps its six months; the periods that begin from today run under the new version.
        var periods = ReportPeriods.begun(history, start, LocalDate.now().plusMonths(6));
        assertThat(periods.get(0)).isEqualTo(new ReportPeriods.Period(start, start.plusMonths(6)));
        assertThat(periods.get(1).from()).isEqualTo(start.plusMonths(6));
        assertThat(periods.get(1).to()).isEqualTo(start.plusMonths(12));
        assertThat(periods.get(2).to()).isEqualTo(start.plusMonths(15));
        assertThat(GrantUse.of(history, start, start.plusMonths(12).plusDays(1), List.of()).hoursGranted())
                .isEqualTo(40.0);
    }

    private int changesOf(long trajectoryId) {
        return jdbc.sql("select count(*) from audit_event where object_type = 'trajectory' and object_id = :t "
                + "and action = 'CHANGE'").param("t", String.valueOf(trajectoryId)).query(Integer.class).single();
    }

    private static String pdfText(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

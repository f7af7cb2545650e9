package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The yearly satisfaction report: means of the signed-off assessments per commissioner against its norm. */
@IntegrationTest
class SatisfactionReportTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired AccountabilityManagement accountability;
    @Autowired GrantRules rules;

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
    }

    long signedReport(long commissioner, Integer employeeGrade, Integer employerGrade, boolean sign) {
        LocalDate start = LocalDate.now().minusDays(10);
        long id = trajectories.start(coach(), new StartTrajectoryForm(null, "Tevreden", "Persoon",
                LocalDate.of(1995, 1, 1), null, null, commissioner, TrajectoryPhase.COACHING, start, null,
                "Tevreden BV", "Medewerker", new BigDecimal("24"), ContractType.TEMPORARY, start, null));
        long report = accountability.generate(coach(), id, start);
        accountability.save(coach(), id, report, new ReportForm("Samenvatting", employeeGrade, null, employerGrade,
                null));
        if (sign) {
            accountability.signOff(coach(), id, report);
        }
        return report;
    }

    @Test
    void meansOfSignedAssessmentsWithTheirCountsAreJudgedAgainstTheCommissionersNorm() throws Exception {
        jdbc.sql("insert into commissioner (name, kind) values ('Gemeente Tevredenstad', 'MUNICIPALITY')").update();
        long commissioner = jdbc.sql("select id from commissioner where name = 'Gemeente Tevredenstad'")
                .query(Long.class).single();
        rules.save(new GrantRule(commissioner, new BigDecimal("20"), 6, 12, 6, ReportTemplate.MUNICIPALITY,
                new BigDecimal("6.5")));
        signedReport(commissioner, 8, 6, true);
        signedReport(commissioner, 7, null, true);
        signedReport(commissioner, 1, 1, false); // a draft does not count
        String page = mvc.perform(get("/team/satisfaction").with(data.as("manager"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Gemeente Tevredenstad").contains("7,5 (n = 2)").contains("6,0 (n = 1)");
        int row = page.indexOf("Gemeente Tevredenstad");
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("6,5").contains("Nee");

        signedReport(commissioner, null, 9, true);
        page = mvc.perform(get("/team/satisfaction").with(data.as("manager"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        row = page.indexOf("Gemeente Tevredenstad");
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("7,5 (n = 2)").contains("7,5 (n = 2)")
                .contains("Ja");
        mvc.perform(get("/team/satisfaction").with(data.as(PlanCoach.ensure(jdbc)))).andExpect(status().isForbidden());
        mvc.perform(get("/team/satisfaction").with(data.as("gemeente"))).andExpect(status().isForbidden());
    }
}

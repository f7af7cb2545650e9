package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The study report's disclosure control as a commissioner meets it: the same selection always gives the same figures
 * (also to a colleague), a year of monthly reports is always answered, periods are whole months, and every report
 * request is in the access log of the organisations whose trajectories it read.
 */
@IntegrationTest
class ReportDisclosureTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired AnalyticsManagement analytics;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private StudyReport report(String username, ReportFilter filter) {
        return analytics.report((CurrentUser) users.loadUserByUsername(username), filter);
    }

    private String csv(String username, String query) throws Exception {
        return mvc.perform(get("/report.csv?" + query).with(data.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theSameSelectionGivesTheSameFiguresTwiceAndToAColleagueOfTheSameCommissioner() throws Exception {
        String colleague = DifferencingAttackTests.secondCommissionerUser(jdbc);
        var filter = new ReportFilter(YearMonth.now().minusMonths(10), YearMonth.now().minusMonths(1), null, null,
                null);
        var first = report("gemeente", filter);
        assertThat(first.table()).anyMatch(StudyReport.Measure::shown);
        assertThat(report("gemeente", filter)).isEqualTo(first);
        assertThat(report(colleague, filter)).isEqualTo(first);

        String query = "from=" + filter.from() + "&to=" + filter.to();
        String csv = csv("gemeente", query);
        assertThat(csv(colleague, query)).isEqualTo(csv).isEqualTo(csv("gemeente", query));
    }

    @Test
    void aCommissionersMonthlyReportOverAYearIsAlwaysAnswered() {
        List<Integer> shownCounts = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            // on the first of each month, the report up to the month just ended
            var report = report("gemeente", new ReportFilter(null, YearMonth.now().minusMonths(i), null, null, null));
            assertThat(report.isRefused()).as("%d months ago", i).isFalse();
            if (report.trajectories().shown()) {
                shownCounts.add(report.trajectories().value());
            }
            if (i <= 6) {
                assertThat(report.trajectories().shown()).isTrue();
                assertThat(report.table()).anyMatch(StudyReport.Measure::shown);
            }
        }
        System.out.println("N of the monthly reports: " + shownCounts);
        for (int k = 1; k < shownCounts.size(); k++) {
            assertThat(shownCounts.get(k)).as("grows, up to the noise").isGreaterThanOrEqualTo(shownCounts.get(k - 1)
                    - 4);
        }
        assertThat(shownCounts.get(shownCounts.size() - 1)).isGreaterThan(shownCounts.get(0));
    }

    @Test
    void periodsAreWholeMonthsAndADateWithADayIsReadAsItsMonth() throws Exception {
        String month = YearMonth.now().minusMonths(2).toString();
        String day = YearMonth.now().minusMonths(2).atDay(24).toString();
        assertThat(csv("gemeente", "to=" + day)).isEqualTo(csv("gemeente", "to=" + month));
        String page = mvc.perform(get("/report").param("to", day).with(data.as("gemeente")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("een datum met een dag is gelezen als de maand waarin die valt")
                .contains("type=\"month\"").contains("value=\"" + month + "\"");
        assertThat(mvc.perform(get("/report").param("to", month).with(data.as("gemeente"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("een datum met een dag is gelezen");
        mvc.perform(get("/report.csv").param("to", "januari").with(data.as("gemeente")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCommissionersReportRequestIsInThePrivacyOfficersAccessLog() throws Exception {
        long organisation = jdbc.sql("select organisation_id from app_user where username = 'privacy'")
                .query(Long.class).single();
        String month = YearMonth.now().minusMonths(3).toString();
        csv("gemeente", "from=2000-01&to=" + month);
        String object = "2000-01.." + month;
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'gemeente' and action = 'SEARCH' "
                + "and object_type = 'study_report' and object_id = :o and person_organisation_id = :org")
                .param("o", object).param("org", organisation).query(Long.class).single()).isEqualTo(1);

        String log = mvc.perform(get("/audit.csv").param("user", "gemeente").param("event", "SEARCH")
                        .with(data.as("privacy")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(log).contains(",gemeente,COMMISSIONER,").contains("study_report," + object);
    }
}

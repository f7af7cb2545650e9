package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page number past the end (up to the largest integer) answers the last page, a negative one the first, on every
 * paged page: the caseload, the access log, the outbox.
 */
@IntegrationTest
class OutOfRangePagingTests {

    private static final Pattern TRAJECTORY_LINK = Pattern.compile("href=\"/trajectories/(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    private MockHttpServletResponse page(String path, String user, String page) throws Exception {
        return mvc.perform(get(path).param("page", page).with(data.as(user))).andReturn().getResponse();
    }

    private static List<String> trajectories(MockHttpServletResponse response) throws Exception {
        return TRAJECTORY_LINK.matcher(response.getContentAsString()).results().map(m -> m.group(1)).toList();
    }

    @Test
    void theCaseloadPastItsEndShowsItsLastPage() throws Exception {
        long total = jdbc.sql("select count(*) from trajectory where phase <> 'CLOSED' and organisation_id = "
                + "(select organisation_id from app_user where username = 'manager')").query(Long.class).single();
        long last = (total - 1) / 20;
        var lastPage = page("/caseload", "manager", String.valueOf(last));
        for (String beyond : List.of(String.valueOf(last + 1), "1000000000", String.valueOf(Integer.MAX_VALUE))) {
            var response = page("/caseload", "manager", beyond);
            assertThat(response.getStatus()).as(beyond).isEqualTo(200);
            assertThat(trajectories(response)).as(beyond).isNotEmpty().isEqualTo(trajectories(lastPage));
        }
        var first = page("/caseload", "manager", "0");
        var negative = page("/caseload", "manager", String.valueOf(Integer.MIN_VALUE));
        assertThat(negative.getStatus()).isEqualTo(200);
        assertThat(trajectories(negative)).isEqualTo(trajectories(first));
        assertThat(page("/caseload", "coach", String.valueOf(Integer.MAX_VALUE)).getStatus()).isEqualTo(200);
    }

    @Test
    void theAccessLogPastItsEndShowsItsLastPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/caseload").with(data.as("coach")));
        }
        var response = page("/audit", "privacy", String.valueOf(Integer.MAX_VALUE));
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body.split("<tr").length - 1).as("rows besides the header").isGreaterThan(1);
        var pageOf = Pattern.compile("Pagina (\\d+) van (\\d+)").matcher(body);
        if (pageOf.find()) {
            assertThat(pageOf.group(1)).isEqualTo(pageOf.group(2));
        }
        assertThat(page("/audit", "privacy", "-5").getStatus()).isEqualTo(200);
    }

    @Test
    void theOutboxPastItsEndShowsItsLastPage() throws Exception {
        var response = page("/admin/outbox", "admin", String.valueOf(Integer.MAX_VALUE));
        assertThat(response.getStatus()).isEqualTo(200);
        var pageOf = Pattern.compile("Pagina (\\d+) van (\\d+)").matcher(response.getContentAsString());
        if (pageOf.find()) {
            assertThat(pageOf.group(1)).isEqualTo(pageOf.group(2));
        }
        assertThat(page("/admin/outbox", "admin", "-1").getStatus()).isEqualTo(200);
    }
}

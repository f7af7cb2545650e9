package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Static files are linked by their content hash and cached for a year; pages with personal data are never cached, and
 * the Content-Security-Policy holds on both.
 */
@IntegrationTest
class StaticFileCachingTests {

    static final String FOR_A_YEAR = "max-age=31536000, public, immutable";
    static final Pattern STATIC_LINK = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired TestData data;

    @Test
    void aPersonalPageIsNotStoredAndLinksEveryStaticFileByItsContentHash() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 0);
        MockHttpServletResponse page = mvc.perform(get("/trajectories/{id}", id).with(data.as("coach")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'");

        List<String> links = new ArrayList<>();
        STATIC_LINK.matcher(page.getContentAsString()).results().forEach(m -> links.add(m.group(1)));
        assertThat(links).hasSizeGreaterThanOrEqualTo(5)
                .allMatch(l -> l.matches(".*-[0-9a-f]{32}\\.(css|js|svg)"), "a content hash in the name")
                .anyMatch(l -> l.startsWith("/assets/css/app-"))
                .anyMatch(l -> l.matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js"))
                .anyMatch(l -> l.matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd-[0-9a-f]{32}\\.js"));

        for (String link : links) {
            MockHttpServletResponse file = mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(file.getHeader("Cache-Control")).as(link).isEqualTo(FOR_A_YEAR);
            assertThat(file.getHeader("Content-Security-Policy")).as(link).contains("default-src 'self'");
            assertThat(file.getContentLength()).as(link).isPositive();
        }
        String css = links.stream().filter(l -> l.startsWith("/assets/css/app-")).findFirst().orElseThrow();
        assertThat(mvc.perform(get(css)).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(new ClassPathResource("static/css/app.css").getContentAsByteArray());
    }

    @Test
    void aStaticFileAskedForWithoutItsHashIsRevalidatedNotKeptForAYear() throws Exception {
        for (String path : List.of("/assets/css/app.css", "/webjars/htmx.org/dist/htmx.min.js")) {
            MockHttpServletResponse file = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(file.getHeader("Cache-Control")).as(path).isEqualTo("no-cache");
        }
    }

    @Test
    void pagesWithoutLoginAndPersonalLinksAreNotStoredEither() throws Exception {
        for (String path : List.of("/login", "/q", "/own", "/a")) {
            MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(page.getHeader("Cache-Control")).as(path).contains("no-store");
        }
    }
}

package nl.jobcoachmonitor.export;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;

import nl.jobcoachmonitor.TestData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the researcher and the manager do, through the pages: make a project, approve it, download a file. */
record ExportSteps(MockMvc mvc, TestData data, JdbcClient jdbc) {

    long organisationOf(String manager) {
        return jdbc.sql("select organisation_id from app_user where username = :u").param("u", manager)
                .query(Long.class).single();
    }

    /** A project of the demo manager's organisation made through the researcher's form; the redirect names its id. */
    long createProject(String name, String from) throws Exception {
        return createProject("onderzoeker", name, from, null);
    }

    /** The same, by this researcher, with a period in months ("2025-03"; null is open). */
    long createProject(String researcher, String name, String from, String to) throws Exception {
        String location = mvc.perform(postProject(researcher, name, from, to)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The researcher's form for a project of the demo manager's organisation, posted as it is. */
    MockHttpServletRequestBuilder postProject(String researcher, String name, String from, String to) {
        var call = post("/research/projects").with(data.as(researcher)).with(csrf()).param("name", name)
                .param("purpose", "Wat helpt om werk te houden?")
                .param("organisationId", String.valueOf(organisationOf("manager")))
                .param("waves", "T0").param("waves", "T1").param("waves", "T2");
        if (from != null) {
            call.param("startedFrom", from);
        }
        if (to != null) {
            call.param("startedTo", to);
        }
        return call;
    }

    /** Another researcher, so a test's projects are compared with no other test's projects. */
    String newResearcher(String username) {
        jdbc.sql("insert into app_user (username, password_hash, display_name, email, role) select :u, "
                + "password_hash, :u, null, role from app_user where username = 'onderzoeker'").param("u", username)
                .update();
        return username;
    }

    long approvedProject(String name) throws Exception {
        long id = createProject(name, null);
        mvc.perform(post("/team/exports/{id}/approval", id).with(data.as("manager")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    byte[] download(long project, String file) throws Exception {
        return mvc.perform(get("/research/projects/{id}/files/{file}", project, file).with(data.as("onderzoeker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}

package nl.jobcoachmonitor.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Knowledge cards beside the contact form: ticking a theme asks for the cards of that theme (the demo's debt card with
 * the myths about the car and the pets), a theme without cards gets nothing; the organiser writes a card, a myth
 * without its fact is refused.
 */
@IntegrationTest
class KnowledgeCardTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;

    @Test
    void theContactFormAsksForTheCardsOfTheTickedThemes() throws Exception {
        long trajectory = data.trajectoriesOf("coach").get(0);
        mvc.perform(get("/trajectories/{id}/contacts/new", trajectory).with(data.as("coach")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/circle/cards/offer\"")))
                .andExpect(content().string(containsString("class=\"knowledge-cards\"")));
    }

    @Test
    void theCardsOfATickedThemeAreOfferedAndNoneForAThemeWithoutCards() throws Exception {
        mvc.perform(get("/circle/cards/offer").param("themes", "DEBTS").header("HX-Request", "true")
                        .with(data.as("coach")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schuldhulpverlening: wat klopt er wel?")))
                .andExpect(content().string(containsString("auto inleveren")))
                .andExpect(content().string(containsString("huisdieren")))
                .andExpect(content().string(not(containsString("<html"))));
        String none = mvc.perform(get("/circle/cards/offer").param("themes", "RELATIVES").with(data.as("coach2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(none).doesNotContain("Kenniskaarten bij").doesNotContain("<details");
        // a coach of another organisation gets the same cards
        long otherCoach = data.count("app_user", "role = 'COACH' and organisation_id <> "
                + "(select organisation_id from app_user where username = 'coach') and username = :p", "coach005");
        if (otherCoach == 1) {
            mvc.perform(get("/circle/cards/offer").param("themes", "DISCLOSURE").with(data.as("coach005")))
                    .andExpect(content().string(containsString("Openheid op het werk")));
        }
    }

    @Test
    void theOrganiserWritesACardAndAMythNeedsItsFact() throws Exception {
        String title = "Kaart " + System.nanoTime();
        mvc.perform(post("/circle/manage/cards").with(data.as("manager")).with(csrf()).param("title", title)
                        .param("summary", "Tekst").param("themes", "STRESS").param("myths[0].myth", "Stress is zwakte"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-summary")));
        assertThat(data.count("knowledge_card", "title = :p", title)).isZero();
        mvc.perform(post("/circle/manage/cards").with(data.as("manager")).with(csrf()).param("title", title)
                        .param("summary", "Tekst").param("themes", "STRESS").param("myths[0].myth", "Stress is zwakte")
                        .param("myths[0].fact", "Stress is een signaal"))
                .andExpect(status().is3xxRedirection());
        assertThat(data.count("knowledge_card", "title = :p", title)).isEqualTo(1);
        mvc.perform(get("/circle/cards/offer").param("themes", "STRESS").with(data.as("coach")))
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("Stress is een signaal")));
        mvc.perform(post("/circle/manage/cards").with(data.as("coach")).with(csrf()).param("title", "Niet")
                .param("summary", "x")).andExpect(status().isForbidden());
    }
}

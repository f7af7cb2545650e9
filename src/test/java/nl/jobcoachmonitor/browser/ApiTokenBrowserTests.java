package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;

import nl.jobcoachmonitor.identity.Totp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coach on a phone makes a personal access token for the API on the account page: turns on the second factor,
 * names the token, picks its last day, enters a current code; sees the token once, uses it, and revokes it.
 */
class ApiTokenBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    private int api(String token) {
        return context.request().get("/api/v1/trajectories",
                RequestOptions.create().setHeader("Authorization", "Bearer " + token)).status();
    }

    @Test
    void aCoachMakesATokenWithACodeSeesItOnceAndRevokesIt() {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "select 'pat-browser', password_hash, 'Pim Token', 'COACH', organisation_id, true "
                + "from app_user where username = 'coach'").update();
        Page page = phone();
        logIn(page, "pat-browser");
        page.navigate("/account/two-factor");
        String secret = page.locator("#secret").textContent().replace(" ", "");
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(Totp.code(secret, Instant.now()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanzetten")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verder")).click();

        page.navigate("/account/two-factor");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("API-sleutels")).isVisible())
                .isTrue();
        assertThat(page.getByText("U heeft nog geen API-sleutels.").isVisible()).isTrue();
        assertAccessible(page, "api tokens none");
        assertFitsThePhone(page);

        page.getByLabel("Naam van de sleutel").fill("Rapportage-script");
        page.getByLabel("Geldig tot en met").fill(LocalDate.now().plusDays(60).toString());
        page.getByLabel("Code uit uw authenticator-app").fill("000000".equals(Totp.code(secret,
                Instant.now().plusSeconds(30))) ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sleutel maken")).click();
        assertThat(page.locator("#code-error").textContent()).contains("Deze code klopt niet");
        assertThat(page.locator("#new-token").count()).isZero();
        assertAccessible(page, "api token wrong code");

        // the next time step's code (the enrolment used the current one)
        page.getByLabel("Code uit uw authenticator-app").fill(Totp.code(secret, Instant.now().plusSeconds(30)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sleutel maken")).click();
        String token = page.locator("#new-token").textContent();
        assertThat(token).matches("jcm_[A-Za-z0-9_-]{43}");
        assertThat(page.locator("#api-tokens .card").first().textContent()).contains("Rapportage-script")
                .contains("actief").contains("nog nooit");
        assertAccessible(page, "api token shown once");
        assertFitsThePhone(page);

        assertThat(api(token)).isEqualTo(200);
        page.navigate("/account/two-factor");
        assertThat(page.content()).doesNotContain(token);
        assertThat(page.locator("#api-tokens .card").first().textContent()).doesNotContain("nog nooit");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("API-sleutel Rapportage-script intrekken"))
                .click();
        page.waitForURL("**/account/two-factor#api-tokens");
        assertThat(page.getByText("De API-sleutel is ingetrokken; hij werkt niet meer.").isVisible()).isTrue();
        assertThat(page.locator("#api-tokens .card .token-state").first().textContent()).startsWith("ingetrokken op");
        assertAccessible(page, "api token revoked");
        expectedErrors.add(401);
        assertThat(api(token)).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from api_token where revoked_at is not null and user_id = "
                + "(select id from app_user where username = 'pat-browser')").query(Long.class).single()).isEqualTo(1);
    }
}

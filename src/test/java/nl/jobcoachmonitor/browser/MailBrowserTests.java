package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/**
 * From the coach's mail to the employee's phone: the coach mails the questionnaire, a real SMTP server (GreenMail)
 * receives it, and the employee opens the link from that mail on a phone, answers half, reloads, finishes, and a
 * second submit changes nothing. Then the administrator reads the mail in the outbox.
 */
@ContextConfiguration(initializers = TestMailServer.class)
class MailBrowserTests extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/q/[A-Za-z0-9_-]{43}\\?lang=nl");

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    private long newTrajectory(String email) {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        return trajectories.start(coach, new StartTrajectoryForm(null, "Sanne", "Mailbrowser",
                LocalDate.of(1997, 6, 1), email, null, commissioner, TrajectoryPhase.COACHING, today, null,
                "Tuincentrum Groen", "Medewerker planten", new BigDecimal("24"), ContractType.TEMPORARY, today, null));
    }

    private static void choose(Page page, String item, String answer) {
        page.locator("#q-" + item).getByText(answer, new Locator.GetByTextOptions().setExact(true)).click();
    }

    private static void next(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Volgende")).click();
    }

    private static void answerWorkValue(Page page) {
        page.locator("#main fieldset").nth(0).getByText("Ja", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#main fieldset").nth(1).getByText("Neutraal", new Locator.GetByTextOptions().setExact(true))
                .click();
        page.locator("#main fieldset").nth(2).getByText("In zeer grote mate", new Locator.GetByTextOptions()
                .setExact(true)).click();
    }

    private String response(long trajectoryId) {
        return jdbc.sql("select r.answers || ' | ' || r.completed_at from response r join measurement_wave w "
                + "on w.id = r.wave_id where w.trajectory_id = :t and r.respondent = 'EMPLOYEE'")
                .param("t", trajectoryId).query(String.class).single();
    }

    @Test
    void theEmployeeOpensTheLinkFromTheMailOnAPhoneAnswersHalfReloadsFinishesAndASecondSubmitChangesNothing() {
        String address = "sanne." + System.nanoTime() + "@voorbeeld.nl";
        long id = newTrajectory(address);

        Page coach = phone();
        logIn(coach, "coach");
        coach.navigate("/trajectories/" + id);
        coach.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vragenlijst T0 mailen naar de werknemer"))
                .click();
        assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Vragenlijst T0 mailen naar de werknemer"))).isVisible();
        var field = coach.getByLabel("E-mailadres van de werknemer");
        assertThat(field).hasValue(address);
        assertAccessible(coach, "mail-form");
        assertFitsThePhone(coach);

        field.fill("sanne@voorbeeld");
        coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("E-mail versturen")).click();
        assertThat(coach.locator("#address-error")).containsText("Dit is geen geldig e-mailadres.");
        assertThat(field).hasAttribute("aria-invalid", "true");
        assertAccessible(coach, "mail-form-error");
        assertThat(TestMailServer.receivedBy("sanne@voorbeeld")).isEmpty();

        field.fill(address);
        coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("E-mail versturen")).click();
        assertThat(coach.locator(".alert-info[role=status]")).hasText("De e-mail is verstuurd.");
        assertThat(coach.locator("#wave-T0")).containsText("E-mail: uitnodiging verstuurd");
        assertAccessible(coach, "trajectory-mail-sent");
        assertFitsThePhone(coach);
        context.close();

        var received = TestMailServer.receivedBy(address);
        assertThat(received).hasSize(1);
        String text = TestMailServer.part(received.get(0), "text/plain");
        var found = LINK.matcher(text);
        assertThat(found.find()).as("a personal link in: " + text).isTrue();
        String link = found.group();
        assertThat(link).startsWith("http://localhost:" + port + "/q/");

        Page employee = phone();
        employee.navigate(link);
        employee.waitForURL(url -> url.endsWith("/q"));
        assertThat(employee.getByText("Deel 1 van 11")).isVisible();
        assertAccessible(employee, "mail-questionnaire-work");
        assertFitsThePhone(employee);

        choose(employee, "paid_work", "Ja");
        employee.getByLabel("Hoeveel uur per week werk je volgens je contract?").fill("24");
        next(employee);
        assertThat(employee.getByText("Deel 2 van 11")).isVisible();
        choose(employee, "coach_value", "8");
        choose(employee, "rapport_1", "Mee eens");
        choose(employee, "rapport_2", "Helemaal mee eens");
        choose(employee, "rapport_3", "Neutraal");
        next(employee);
        assertThat(employee.getByText("Deel 3 van 11")).isVisible();
        choose(employee, "fit_wishes_1", "Mee eens");
        choose(employee, "fit_wishes_2", "Mee eens");
        next(employee);
        assertThat(employee.getByText("Deel 4 van 11")).isVisible();
        choose(employee, "disclosed_employer", "Nee");
        choose(employee, "disclosed_colleagues", "Nee");
        next(employee);
        assertThat(employee.getByText("Deel 5 van 11")).isVisible();
        answerWorkValue(employee);
        next(employee);
        assertThat(employee.getByText("Deel 6 van 11")).isVisible();

        employee.reload();
        assertThat(employee.getByText("Deel 6 van 11")).isVisible(); // resumes after a reload
        employee.navigate("/q?section=work");
        assertThat(employee.getByLabel("Hoeveel uur per week werk je volgens je contract?")).hasValue("24");
        assertThat(employee.locator("#q-paid_work input[value=yes]")).isChecked();
        employee.navigate("/q");
        assertThat(employee.getByText("Deel 6 van 11")).isVisible();

        for (int part = 6; part <= 11; part++) {
            assertThat(employee.getByText("Deel " + part + " van 11")).isVisible();
            answerWorkValue(employee);
            if (part < 11) {
                next(employee);
            }
        }
        String csrf = employee.locator("#main form input[name=_csrf]").inputValue();
        String section = employee.locator("#main form input[name=section]").inputValue();
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) employee.locator("#main form input[type=radio]")
                .evaluateAll("inputs => [...new Set(inputs.map(i => i.name))]");
        assertThat(items).hasSize(3);
        employee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
        assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bedankt!")))
                .isVisible();
        assertAccessible(employee, "mail-questionnaire-thanks");
        String first = response(id);
        assertThat(first).contains("\"hours_week\":24").doesNotEndWith("| null");

        // the final answer sent again, with other answers, from the same phone and session
        var form = FormData.create().set("_csrf", csrf).set("section", section);
        items.forEach(item -> form.set(item, "1"));
        var replay = employee.request().post("/q", RequestOptions.create().setForm(form));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text()).contains("Bedankt!");
        employee.reload();
        assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bedankt!")))
                .isVisible();
        assertThat(jdbc.sql("select count(*) from response r join measurement_wave w on w.id = r.wave_id "
                + "where w.trajectory_id = :t and r.completed_at is not null").param("t", id).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(response(id)).as("the second submit changed nothing").isEqualTo(first);
        context.close();

        Page admin = phone();
        logIn(admin, "admin");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Uitgaande e-mail")).click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Uitgaande e-mail")
                .setLevel(1))).isVisible();
        var mail = admin.locator("article.mail").filter(new Locator.FilterOptions().setHasText(address));
        assertThat(mail).containsText("verstuurd");
        assertThat(mail.locator("pre")).containsText("[persoonlijke link, niet bewaard]");
        assertAccessible(admin, "outbox");
        assertFitsThePhone(admin);
    }
}

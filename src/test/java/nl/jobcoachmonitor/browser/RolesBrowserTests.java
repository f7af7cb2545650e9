package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.TestData;
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
 * Each role's journey on a phone (issue 12): the administrator invites a new user, who sets their own password from
 * the mail (real SMTP) and logs in, and blocks an account after confirming; the manager sees the approvals waiting,
 * rejects a research export with a reason the researcher reads, and hands a trajectory over with a reason the new
 * coach sees; the privacy officer finds a person and opens their access log.
 */
@ContextConfiguration(initializers = TestMailServer.class)
class RolesBrowserTests extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/invitation/[A-Za-z0-9_-]{43}");

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void theAdministratorInvitesANewUserWhoSetsTheirOwnPasswordFromTheMail() throws Exception {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, enabled) select 'te-blokkeren', "
                + "password_hash, 'Te Blokkeren', 'RESEARCHER', true from app_user where username = 'admin'").update();
        Page page = phone();
        logIn(page, "admin");
        page.navigate("/admin/users");
        assertAccessible(page, "roles admin users");
        assertFitsThePhone(page);

        page.getByLabel("Gebruikersnaam", new Page.GetByLabelOptions().setExact(true)).fill("nieuwe-onderzoeker");
        page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Noor Onderzoek");
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill("noor@example.org");
        page.getByLabel("Rol", new Page.GetByLabelOptions().setExact(true)).selectOption("RESEARCHER");
        button(page, "Aanmaken en uitnodigen").click();
        assertThat(page.getByText("Uitnodiging verstuurd naar noor@example.org.").isVisible()).isTrue();

        page.getByLabel("Zoeken op gebruikersnaam, naam of e-mail").fill("te-blokkeren");
        button(page, "Zoeken").click();
        page.waitForURL("**q=te-blokkeren**");
        page.locator("details.confirm summary").click();
        assertThat(page.getByText("Te Blokkeren kan dan niet meer inloggen").isVisible()).isTrue();
        assertAccessible(page, "roles admin confirm block");
        assertFitsThePhone(page);
        button(page, "Ja, te-blokkeren blokkeren").click();
        assertThat(page.getByText("te-blokkeren is geblokkeerd; open sessies zijn beëindigd.").isVisible()).isTrue();
        assertThat(data.count("app_user", "username = 'te-blokkeren' and enabled = :p", false)).isEqualTo(1);

        var mails = TestMailServer.receivedBy("noor@example.org");
        var matcher = LINK.matcher(TestMailServer.part(mails.get(mails.size() - 1), "text/plain"));
        assertThat(matcher.find()).isTrue();
        String link = matcher.group();

        Page invited = phone();
        invited.navigate(link);
        invited.waitForURL("**/invitation");
        assertThat(invited.url()).doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        assertAccessible(invited, "roles set password");
        assertFitsThePhone(invited);
        invited.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill("mijn eigen zin");
        invited.getByLabel("Nieuw wachtwoord nog een keer").fill("mijn eigen zin");
        button(invited, "Wachtwoord instellen").click();
        invited.waitForURL("**/login?passwordSet");
        assertThat(invited.getByText("Je wachtwoord is ingesteld. Log nu in.").isVisible()).isTrue();
        invited.getByLabel("Gebruikersnaam").fill("nieuwe-onderzoeker");
        invited.getByLabel("Wachtwoord").fill("mijn eigen zin");
        button(invited, "Inloggen").click();
        invited.waitForURL(url -> !url.contains("/login"));
        assertThat(invited.getByText("Noor Onderzoek").first().isVisible()).isTrue();

        Page again = phone();
        var second = again.request().get(link);
        assertThat(second.status()).as("the link works once").isEqualTo(404);
        assertThat(second.text()).contains("Deze link werkt niet");

        // Noor forgot her password: the administrator cannot type one, only send a link for a new one
        page.navigate("/admin/users/" + data.userId("nieuwe-onderzoeker"));
        assertThat(page.locator("input[type=password]").count()).isZero();
        assertAccessible(page, "roles admin edit user");
        assertFitsThePhone(page);
        button(page, "Link voor nieuw wachtwoord sturen").click();
        assertThat(page.getByText("Link voor een nieuw wachtwoord verstuurd naar noor@example.org.").isVisible())
                .isTrue();
        mails = TestMailServer.receivedBy("noor@example.org");
        matcher = LINK.matcher(TestMailServer.part(mails.get(mails.size() - 1), "text/plain"));
        assertThat(matcher.find()).isTrue();
        Page reset = phone();
        reset.navigate(matcher.group());
        reset.waitForURL("**/invitation");
        reset.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill("mijn nieuwe zin");
        reset.getByLabel("Nieuw wachtwoord nog een keer").fill("mijn nieuwe zin");
        button(reset, "Wachtwoord instellen").click();
        reset.waitForURL("**/login?passwordSet");
        invited.reload();
        assertThat(invited.url()).as("the session with the old password has ended").contains("/login");
    }

    private long newTrajectory() {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        return trajectories.start(coach, new StartTrajectoryForm(null, "Joris", "Overdrachtbrowser",
                LocalDate.of(1996, 3, 1), null, null, commissioner, TrajectoryPhase.COACHING, today, null,
                "Bakkerij Bol", "Verkoper", new BigDecimal("20"), ContractType.TEMPORARY, today, null));
    }

    @Test
    void theManagerRejectsAnExportWithAReasonAndHandsATrajectoryOver() {
        data.exportProject("onderzoeker", "manager", "Breed browserproject");
        long trajectory = newTrajectory();
        Page page = phone();
        logIn(page, "manager");
        Locator badge = page.locator("nav .badge");
        assertThat(Integer.parseInt(badge.textContent().strip())).as("projects waiting").isPositive();
        page.navigate("/team/exports");
        Locator project = page.locator("article.card").filter(new Locator.FilterOptions()
                .setHasText("Breed browserproject"));
        project.locator("summary").click();
        project.getByLabel("Reden van afwijzing").fill("Het doel is te breed voor deze gegevens.");
        assertAccessible(page, "roles manager reject export");
        assertFitsThePhone(page);
        project.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Project afwijzen")).click();
        assertThat(page.getByText("Het project is afgewezen; de onderzoeker ziet de reden.").isVisible()).isTrue();

        page.navigate("/trajectories/" + trajectory + "/coach");
        String coach2 = jdbc.sql("select display_name from app_user where username = 'coach2'").query(String.class)
                .single();
        assertThat(page.locator("#coachId option").allTextContents())
                .anyMatch(o -> o.matches(Pattern.quote(coach2) + " \\(\\d+ lopende trajecten\\)"));
        assertAccessible(page, "roles manager reassign");
        assertFitsThePhone(page);
        page.getByLabel("Nieuwe jobcoach").selectOption(String.valueOf(data.userId("coach2")));
        page.getByLabel("Reden van de overdracht").fill("Joris werkt voortaan in de regio van Marieke.");
        button(page, "Overdragen").click();
        page.waitForURL("**/trajectories/" + trajectory);

        Page researcher = phone();
        logIn(researcher, "onderzoeker");
        researcher.navigate("/research");
        researcher.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Breed browserproject")).first().click();
        assertThat(researcher.locator(".rejection-reason").textContent())
                .isEqualTo("Het doel is te breed voor deze gegevens.");
        assertThat(researcher.getByText("kan niet worden gedownload").isVisible()).isTrue();
        assertAccessible(researcher, "roles researcher rejected");

        Page newCoach = phone();
        logIn(newCoach, "coach2");
        newCoach.navigate("/caseload?q=Overdrachtbrowser");
        Locator handover = newCoach.locator(".handover");
        assertThat(handover.textContent()).contains("Nieuw voor jou").contains("overgedragen door")
                .contains("Joris werkt voortaan in de regio van Marieke.");
        assertAccessible(newCoach, "roles coach handed over");
        assertFitsThePhone(newCoach);
    }

    @Test
    void thePrivacyOfficerFindsAPersonAndOpensTheirAccessLog() {
        long trajectory = data.trajectoriesOf("coach").get(0);
        long person = data.employeeIdOf(trajectory);
        String name = data.employeeNameOf(trajectory);
        Page coach = phone();
        logIn(coach, "coach");
        coach.navigate("/trajectories/" + trajectory);

        Page page = phone();
        logIn(page, "privacy");
        page.getByLabel("Naam (of een deel)").fill(name.substring(name.indexOf(' ') + 1));
        button(page, "Persoon zoeken").click();
        page.waitForURL("**/audit/persons**");
        assertAccessible(page, "roles privacy person search");
        assertFitsThePhone(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Toegangslog van " + name)).first().click();
        page.waitForURL("**person=" + person + "**");
        Locator firstRow = page.locator("table.audit-log tbody tr").first();
        assertThat(firstRow.locator("time").textContent()).matches("\\d{1,2} \\S+ \\d{4} \\d{2}:\\d{2}:\\d{2} CES?T");
        assertThat(page.locator("table.audit-log").textContent()).contains("Traject").contains("Toegestaan")
                .doesNotContain("ALLOWED");
        assertAccessible(page, "roles privacy person log");
        assertFitsThePhone(page);
    }
}

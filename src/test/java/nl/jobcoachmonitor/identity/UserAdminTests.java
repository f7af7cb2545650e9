package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.Phone;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.TestMailServer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator manages staff accounts and their roles. */
@MailIntegrationTest
class UserAdminTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    private long organisationOf(String username) {
        return jdbc.sql("select organisation_id from app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }

    @Test
    void administratorCreatesACoachWhoIsInvitedByMailAndHasNoPasswordAnyoneKnows() throws Exception {
        var browser = new nl.jobcoachmonitor.Phone(mvc);
        browser.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "Nieuwe.Coach").param("displayName", "Nieuwe Coach")
                        .param("email", "nieuw@example.org").param("role", "COACH")
                        .param("organisationId", String.valueOf(organisationOf("coach")))
                        .param("password", "een-lang-wachtwoord"));
        assertThat(browser.perform(get("/admin/users").with(data.as("admin"))).getResponse().getContentAsString())
                .contains("Uitnodiging verstuurd naar nieuw@example.org.");
        // a password sent along is not a field of the form: the account has none anyone knows
        mvc.perform(formLogin().user("nieuwe.coach").password("een-lang-wachtwoord"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(data.count("questionnaire_mail", "kind = 'ACCOUNT' and address = :p", "nieuw@example.org"))
                .isEqualTo(1);
        assertThat(data.count("account_invitation", "user_id = :p", data.userId("nieuwe.coach"))).isEqualTo(1);
    }

    @Test
    void aNewAccountNeedsAnAddressForItsInvitation() throws Exception {
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "zonder-adres").param("displayName", "Zonder Adres").param("role", "RESEARCHER"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("email-error")));
        assertThat(data.count("app_user", "username = :p", "zonder-adres")).isZero();
    }

    @Test
    void noOneBlocksThemselves() throws Exception {
        long admin = data.userId("admin");
        var browser = new nl.jobcoachmonitor.Phone(mvc);
        var result = browser.perform(post("/admin/users/{id}/enabled", admin).param("enabled", "false")
                .param("confirm", "true").with(data.as("admin")).with(csrf()));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(result.getFlashMap().get("refused")).isEqualTo("users.selfBlock");
        assertThat(data.count("app_user", "username = 'admin' and enabled = :p", true)).isEqualTo(1);
        assertThat(browser.perform(get("/admin/users").with(data.as("admin"))).getResponse().getContentAsString())
                .contains("Je kunt jezelf niet blokkeren.").doesNotContain("aria-label=\"admin blokkeren\"");
    }

    @Test
    void theLastAdministratorCannotBeBlockedOrLoseTheRole() throws Exception {
        // a second administrator, who then tries to remove the first (and only other) one
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, enabled) "
                + "select 'tweede-beheerder', password_hash, 'Tweede Beheerder', 'ADMIN', true from app_user "
                + "where username = 'admin'").update();
        long first = data.userId("admin");
        long second = data.userId("tweede-beheerder");
        try {
            // with another enabled administrator, one administrator may block the other
            mvc.perform(post("/admin/users/{id}/enabled", first).param("enabled", "false").param("confirm", "true")
                    .with(data.as("tweede-beheerder")).with(csrf())).andExpect(redirectedUrl("/admin/users"));
            assertThat(data.count("app_user", "id = :p and enabled = true", first)).isZero();
            // now "tweede-beheerder" is the last enabled administrator: it cannot give itself another role
            mvc.perform(post("/admin/users/{id}", second).with(data.as("tweede-beheerder")).with(csrf())
                            .param("version", String.valueOf(version(second))).param("displayName", "Tweede Beheerder")
                            .param("role", "RESEARCHER"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Dit is de laatste actieve beheerder")));
            assertThat(jdbc.sql("select role from app_user where id = :id").param("id", second)
                    .query(String.class).single()).isEqualTo("ADMIN");
            // nor block itself
            var result = mvc.perform(post("/admin/users/{id}/enabled", second).param("enabled", "false")
                    .param("confirm", "true").with(data.as("tweede-beheerder")).with(csrf())).andReturn();
            assertThat(result.getFlashMap().get("refused")).isEqualTo("users.selfBlock");
            assertThat(data.count("app_user", "id = :p and enabled = true", second)).isEqualTo(1);
        } finally {
            jdbc.sql("update app_user set enabled = true where id = :id").param("id", first).update();
            jdbc.sql("update app_user set enabled = false, role = 'RESEARCHER' where id = :id").param("id", second)
                    .update();
        }
    }

    @Test
    void blockingWithoutConfirmationChangesNothing() throws Exception {
        var result = mvc.perform(post("/admin/users/{id}/enabled", data.userId("coach2")).param("enabled", "false")
                .with(data.as("admin")).with(csrf())).andExpect(redirectedUrl("/admin/users")).andReturn();
        assertThat(result.getFlashMap().get("refused")).isEqualTo("users.disable.unconfirmed");
        assertThat(data.count("app_user", "username = 'coach2' and enabled = :p", true)).isEqualTo(1);
        mvc.perform(get("/admin/users").param("q", "coach2").with(data.as("admin")))
                .andExpect(content().string(containsString("Ja, coach2 blokkeren")));
    }

    @Test
    void usersAreSearchableAndPaged() throws Exception {
        String page = mvc.perform(get("/admin/users").param("q", "COACH2").with(data.as("admin"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(">coach2</a>").doesNotContain(">manager</a>").contains("1 gebruiker");
        long total = data.count("app_user");
        assertThat(total).as("the demo has more users than one page").isGreaterThan(25);
        String first = mvc.perform(get("/admin/users").with(data.as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(java.util.regex.Pattern.compile("href=\"/admin/users/\\d+\"").matcher(first).results().count())
                .isEqualTo(25);
        assertThat(first).contains("page=1").contains(total + " gebruikers");
        // the wildcards of like are text here
        assertThat(mvc.perform(get("/admin/users").param("q", "%").with(data.as("admin"))).andReturn()
                .getResponse().getContentAsString()).contains("Geen gebruikers");
        // the new-user form comes before the list
        assertThat(first.indexOf("action=\"/admin/users\" method=\"post\"")).isLessThan(first.indexOf("<table"));
    }

    @Test
    void aCoachNeedsAnOrganisationAndNamesAreUnique() throws Exception {
        long users = data.count("app_user");
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "zonder-org").param("displayName", "Zonder Organisatie")
                        .param("role", "COACH").param("email", "nieuw-account@example.org"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Een jobcoach of teamleider hoort bij een organisatie.")));
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "coach").param("displayName", "Dubbel").param("role", "RESEARCHER")
                        .param("email", "nieuw-account@example.org"))
                .andExpect(content().string(containsString("Deze gebruikersnaam bestaat al.")));
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "k").param("displayName", "Kort").param("role", "RESEARCHER")
                        .param("email", "kort@example.org"))
                .andExpect(content().string(containsString("De lengte moet tussen 3 en 60 tekens liggen.")));
        assertThat(data.count("app_user")).isEqualTo(users);
    }

    @Test
    void administratorChangesARoleAndABlockedAccountCannotLogIn() throws Exception {
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "wisselaar").param("displayName", "Wissel Aar").param("role", "RESEARCHER")
                        .param("email", "nieuw-account@example.org"))
                .andExpect(redirectedUrl("/admin/users"));
        long id = data.userId("wisselaar");
        mvc.perform(get("/admin/users/{id}", id).with(data.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Wissel Aar\"")))
                .andExpect(content().string(containsString("id=\"commissionerId\"")));
        int version = jdbc.sql("select version from app_user where id = :id").param("id", id).query(Integer.class)
                .single();
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version)).param("displayName", "Wissel Aar")
                        .param("role", "MANAGER").param("organisationId", String.valueOf(organisationOf("coach"))))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(jdbc.sql("select role from app_user where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("MANAGER");
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version)).param("displayName", "Oud").param("role", "ADMIN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Iemand anders heeft deze gebruiker intussen gewijzigd.")));

        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").param("confirm", "true").with(data.as("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin().user("wisselaar").password("een-lang-wachtwoord"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void administratorAppointsAPrivacyOfficerOfAnOrganisation() throws Exception {
        mvc.perform(get("/admin/users").with(data.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"PRIVACY_OFFICER\">Functionaris gegevensbescherming</option>")));
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "fg-zonder-org").param("displayName", "Zonder Organisatie")
                        .param("role", "PRIVACY_OFFICER").param("email", "nieuw-account@example.org"))
                .andExpect(status().isOk());
        assertThat(data.count("app_user", "username = :p", "fg-zonder-org")).isZero();
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "fg-org").param("displayName", "Functionaris").param("role", "PRIVACY_OFFICER")
                        .param("organisationId", String.valueOf(organisationOf("coach")))
                        .param("email", "nieuw-account@example.org"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/").with(data.as("fg-org"))).andExpect(redirectedUrl("/audit"));
    }

    @Test
    void onlyTheAdministratorManagesUsers() throws Exception {
        mvc.perform(get("/admin/users/{id}", data.userId("coach")).with(data.as("manager")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/{id}/enabled", data.userId("coach")).param("enabled", "false").param("confirm", "true")
                .with(data.as("manager")).with(csrf())).andExpect(status().isForbidden());
        assertThat(data.count("app_user", "username = 'coach' and enabled = :p", true)).isEqualTo(1);
    }

    @Test
    void blockingAnAccountEndsItsSessionsAtOnce() throws Exception {
        String hash = jdbc.sql("select password_hash from app_user where username = 'coach'").query(String.class)
                .single();
        long organisation = jdbc.sql("select organisation_id from app_user where username = 'coach'")
                .query(Long.class).single();
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "values ('geblokkeerd', :h, 'Te Blokkeren', 'COACH', :o, true)").param("h", hash)
                .param("o", organisation).update();
        long id = data.userId("geblokkeerd");
        var login = mvc.perform(formLogin().user("geblokkeerd").password("demo")).andExpect(redirectedUrl("/"))
                .andReturn().getResponse();
        var session = login.getCookie("SESSION");
        assertThat(session).as("Spring Session's cookie").isNotNull();
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").param("confirm", "true").with(data.as("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));

        mvc.perform(get("/caseload").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                        "**/login"));
    }

    /** A coach account "username" (password "demo") in the demo organisation, signed in: its session cookie. */
    private jakarta.servlet.http.Cookie signedInCoach(String username) throws Exception {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "select :u, password_hash, 'Te Wijzigen', 'COACH', organisation_id, true from app_user "
                + "where username = 'coach'").param("u", username).update();
        var session = mvc.perform(formLogin().user(username).password("demo")).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());
        return session;
    }

    private int version(long id) {
        return jdbc.sql("select version from app_user where id = :id").param("id", id).query(Integer.class).single();
    }

    @Test
    void changingARoleEndsTheUsersSessions() throws Exception {
        var session = signedInCoach("rolwisselaar");
        long id = data.userId("rolwisselaar");
        var other = signedInCoach("blijvende-coach");
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version(id))).param("displayName", "Te Wijzigen")
                        .param("role", "MANAGER").param("organisationId", String.valueOf(organisationOf("coach"))))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                        "**/login"));
        mvc.perform(get("/caseload").cookie(other)).andExpect(status().isOk());
    }

    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    /** Sets the password by the link in the last mail to the address, on a phone of its own (the user's). */
    private void setPasswordByLastMail(String address, String password) throws Exception {
        var received = TestMailServer.receivedBy(address);
        assertThat(received).isNotEmpty();
        String text = TestMailServer.part(received.get(received.size() - 1), "text/plain");
        var link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        var phone = new Phone(mvc);
        assertThat(phone.perform(get("/invitation/{t}", link.group(1))).getResponse().getStatus()).isEqualTo(200);
        assertThat(phone.perform(post("/invitation").with(csrf()).param("password", password)
                .param("repeat", password)).getResponse().getRedirectedUrl()).isEqualTo("/login?passwordSet");
    }

    private String passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = :id").param("id", id).query(String.class)
                .single();
    }

    @Test
    void theUsersPageOffersAnInvitationUntilThePasswordIsSetThenAResetLink() throws Exception {
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "nog-zonder-wachtwoord").param("displayName", "Nog Zonder")
                        .param("role", "RESEARCHER").param("email", "zonder@example.org"))
                .andExpect(redirectedUrl("/admin/users"));
        long id = data.userId("nog-zonder-wachtwoord");
        mvc.perform(post("/admin/users/{id}/invitation", id).with(data.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + id))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", "users.invited"));
        String page = mvc.perform(get("/admin/users/{id}", id).with(data.as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Nieuwe uitnodiging sturen").doesNotContain("Link voor nieuw wachtwoord sturen");

        setPasswordByLastMail("zonder@example.org", "mijn-eigen-lange-zin");
        page = mvc.perform(get("/admin/users/{id}", id).with(data.as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Link voor nieuw wachtwoord sturen").doesNotContain("Nieuwe uitnodiging sturen");
        mvc.perform(post("/admin/users/{id}/invitation", id).with(data.as("admin")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", "users.passwordReset.sent"));
        var mails = TestMailServer.receivedBy("zonder@example.org");
        assertThat(TestMailServer.part(mails.get(mails.size() - 1), "text/plain"))
                .as("the mail fits a reset too").contains("een nieuw wachtwoord als je het oude kwijt bent");
        assertThat(mvc.perform(get("/admin/users/{id}", id).with(data.as("admin"))).andReturn().getResponse()
                .getContentAsString()).as("still a reset while the new link is open")
                .contains("Link voor nieuw wachtwoord sturen");
        mvc.perform(formLogin().user("nog-zonder-wachtwoord").password("mijn-eigen-lange-zin"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theAdministratorSetsNoPasswordAResetLinkOrAChangeOfOrganisationEndsTheUsersSessionsButARenameDoesNot()
            throws Exception {
        var session = signedInCoach("wachtwoordwisselaar");
        long id = data.userId("wachtwoordwisselaar");
        String address = "wachtwoordwisselaar@example.org";
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version(id))).param("displayName", "Nieuwe Naam")
                        .param("email", address)
                        .param("role", "COACH").param("organisationId", String.valueOf(organisationOf("coach"))))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());

        // a password typed by the administrator (an old form, a crafted post) is ignored: nothing changes
        String hash = passwordHash(id);
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version(id))).param("displayName", "Nieuwe Naam")
                        .param("email", address)
                        .param("role", "COACH").param("organisationId", String.valueOf(organisationOf("coach")))
                        .param("newPassword", "een-nieuw-lang-wachtwoord"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(passwordHash(id)).isEqualTo(hash);
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());
        mvc.perform(formLogin().user("wachtwoordwisselaar").password("een-nieuw-lang-wachtwoord"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(mvc.perform(get("/admin/users/{id}", id).with(data.as("admin"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("type=\"password\"").contains("Link voor nieuw wachtwoord sturen");

        // the user forgot it: the administrator sends a reset link, the user sets a new one, the old sessions end
        mvc.perform(post("/admin/users/{id}/invitation", id).with(data.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + id));
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());
        setPasswordByLastMail(address, "een-nieuw-lang-wachtwoord");
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user("wachtwoordwisselaar").password("demo")).andExpect(redirectedUrl("/login?error"));

        var again = mvc.perform(formLogin().user("wachtwoordwisselaar").password("een-nieuw-lang-wachtwoord"))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        jdbc.sql("insert into organisation (name, city) values ('Andere Organisatie', 'Utrecht')").update();
        long otherOrganisation = jdbc.sql("select id from organisation where name = 'Andere Organisatie'")
                .query(Long.class).single();
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version(id))).param("displayName", "Nieuwe Naam")
                        .param("role", "COACH").param("organisationId", String.valueOf(otherOrganisation)))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/caseload").cookie(again)).andExpect(status().is3xxRedirection());
    }

    @Test
    void accountAdministrationIsInTheAccessLogWithoutThePassword() throws Exception {
        long admin = data.userId("admin");
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "gelogde-coach").param("displayName", "Gelogde Coach").param("role", "COACH")
                        .param("organisationId", String.valueOf(organisationOf("coach")))
                        .param("email", "gelogd@example.org"))
                .andExpect(redirectedUrl("/admin/users"));
        long id = data.userId("gelogde-coach");
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version(id))).param("displayName", "Gelogde Coach")
                        .param("role", "MANAGER").param("organisationId", String.valueOf(organisationOf("coach")))
                        .param("email", "gelogd@example.org").param("newPassword", "een-ander-geheim-wachtwoord"))
                .andExpect(redirectedUrl("/admin/users"));
        setPasswordByLastMail("gelogd@example.org", "een-eerste-geheim-wachtwoord");
        mvc.perform(post("/admin/users/{id}/invitation", id).with(data.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + id));
        setPasswordByLastMail("gelogd@example.org", "een-ander-geheim-wachtwoord");
        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").param("confirm", "true").with(data.as("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "true").with(data.as("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(post("/admin/users/{id}/two-factor", id).with(data.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        record Row(String username, Long userId, String action, String objectType, String objectId, String outcome) {
        }
        var rows = jdbc.sql("select username, user_id, action, object_type, object_id, outcome from audit_event "
                        + "where id > :b and object_type = 'app_user' order by id").param("b", before)
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        assertThat(rows).containsExactly(
                new Row("admin", admin, "CREATE", "app_user", id + ": role=COACH, organisation=" + organisationOf(
                        "coach"), "ALLOWED"),
                new Row("admin", admin, "CHANGE", "app_user", id + ": invitation sent", "ALLOWED"),
                new Row("admin", admin, "CHANGE", "app_user", id + ": role=MANAGER", "ALLOWED"),
                new Row(null, null, "CHANGE", "app_user", id + ": password set by invitation", "ALLOWED"),
                new Row("admin", admin, "CHANGE", "app_user", id + ": invitation sent", "ALLOWED"),
                new Row(null, null, "CHANGE", "app_user", id + ": password set by invitation", "ALLOWED"),
                new Row("admin", admin, "CHANGE", "app_user", id + ": blocked", "ALLOWED"),
                new Row("admin", admin, "CHANGE", "app_user", id + ": unblocked", "ALLOWED"),
                new Row("admin", admin, "CHANGE", "app_user", id + ": second factor reset", "ALLOWED"));
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(jdbc.sql("select count(*) from audit_event where id > :b and object_type = 'app_user' "
                + "and person_organisation_id = :o").param("b", before).param("o", organisationOf("coach"))
                .query(Long.class).single()).as("the organisation's privacy officer finds every one").isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from audit_event where object_id like '%geheim%' "
                + "or object_id like :h").param("h", "%" + hash.substring(hash.length() - 20) + "%")
                .query(Long.class).single()).isZero();
    }
}

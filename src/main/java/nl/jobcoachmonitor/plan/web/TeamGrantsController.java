package nl.jobcoachmonitor.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.shared.Table;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team page's hours against grants (per coach and per commissioner) as XLSX and CSV, for the manager of the
 * organisation only, as the page. Aggregates of staff and commissioners, no person: logged as an export without one.
 */
@Controller
class TeamGrantsController {

    private final PlanManagement plans;
    private final OrganisationManagement organisations;
    private final PersonalDataAccess access;
    private final MessageSource messages;
    private final Clock clock;

    TeamGrantsController(PlanManagement plans, OrganisationManagement organisations, PersonalDataAccess access,
            MessageSource messages, Clock clock) {
        this.plans = plans;
        this.organisations = organisations;
        this.access = access;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(value = "/team/grants.xlsx", produces = TeamTables.XLSX)
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        var files = new TeamTables(messages, locale);
        var grants = plans.team(user);
        List<Table> sheets = new ArrayList<>();
        sheets.add(files.selection(organisationName(organisations, user), "team.download.period",
                messages.getMessage("team.download.period.current", new Object[] {
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                                .format(LocalDate.now(clock)) }, locale),
                ZonedDateTime.now(clock)));
        sheets.addAll(files.grants(grants));
        access.exported("plan", "team grants");
        return TeamTables.xlsx(messages.getMessage("team.download.file", null, locale), sheets);
    }

    @GetMapping(value = "/team/grants.csv", produces = "text/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String variant, Locale locale) {
        var tables = new TeamTables(messages, locale).grants(plans.team(user));
        access.exported("plan", "team grants");
        return TeamTables.csv(messages.getMessage("team.download.file", null, locale), tables, variant);
    }

    static String organisationName(OrganisationManagement organisations, CurrentUser user) {
        return organisations.organisations().stream().filter(o -> o.id() == user.organisationId())
                .map(o -> o.name()).findFirst().orElse("");
    }
}

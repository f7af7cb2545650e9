package nl.jobcoachmonitor.coaching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.stream.Collectors;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.CorrectionLog;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryRef;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coaching module's public API: the contact log and the intensity of coaching. */
@Service
@Transactional
public class ContactManagement {

    private final Contacts contacts;
    private final TrajectoryManagement trajectories;
    private final JdbcClient jdbc;
    private final PersonalDataAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<GoalChoices> goalChoices;
    private final CorrectionLog corrections;

    ContactManagement(Contacts contacts, TrajectoryManagement trajectories, JdbcClient jdbc,
            PersonalDataAccess access, ApplicationEventPublisher events, Clock clock,
            ObjectProvider<GoalChoices> goalChoices, CorrectionLog corrections) {
        this.corrections = corrections;
        this.goalChoices = goalChoices;
        this.contacts = contacts;
        this.trajectories = trajectories;
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public ContactEntry log(CurrentUser user, long trajectoryId, LogContactForm form) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        Set<Long> goals = form.goals() == null ? Set.of() : form.goals();
        var known = goalChoices(trajectory.id()).stream().map(GoalChoice::id).collect(Collectors.toSet());
        if (!known.containsAll(goals)) {
            throw new DomainRuleViolation("goals", "contact.goals.unknown");
        }
        var contact = contacts.save(Contact.log(trajectory.id(), trajectory.startedOn(), form.contactOn(),
                form.minutes(), form.party(), form.mode(), form.themes(), form.note(), form.reason(), goals, user.id(),
                LocalDate.now(clock), clock.instant()));
        access.created("contact", contact.id(), trajectory.employeeId());
        events.publishEvent(new ContactLogged(contact.id(), trajectory.id(), contact.contactOn(), contact.minutes(),
                contact.party(), contact.themeSet()));
        return entry(contact);
    }

    /** A contact of a trajectory the user sees, as the correction form starts. The read is logged. */
    @Transactional(readOnly = true)
    public EditContactForm editForm(CurrentUser user, long trajectoryId, long contactId) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        var c = contactOf(trajectory, contactId);
        access.read("contact", c.id(), trajectory.employeeId());
        return new EditContactForm(c.version(), c.contactOn(), c.minutes(), c.party(), c.mode(), c.themeSet(),
                c.note(), c.reason(), c.goalIds());
    }

    /** The goals a contact can be linked to when corrected: the plan's active goals and those it is linked to. */
    @Transactional(readOnly = true)
    public List<GoalChoice> goalChoices(CurrentUser user, long trajectoryId) {
        return goalChoices(trajectories.visible(user, trajectoryId).id());
    }

    /**
     * Corrects a contact of a trajectory the user sees (coach: their caseload, manager: the organisation); each changed
     * field goes to the correction history, and the indicators are recomputed ({@link ContactCorrected}).
     * {@link ConflictException} when someone else changed the contact since the form was opened.
     */
    public void correct(CurrentUser user, long trajectoryId, long contactId, EditContactForm form) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        var before = contactOf(trajectory, contactId);
        if (form.version() == null || !form.version().equals(before.version())) {
            throw new ConflictException("contact", contactId);
        }
        Set<Long> goals = form.goals() == null ? Set.of() : form.goals();
        var choices = goalChoices(trajectory.id());
        var known = choices.stream().map(GoalChoice::id).collect(Collectors.toSet());
        known.addAll(before.goalIds());
        if (!known.containsAll(goals)) {
            throw new DomainRuleViolation("goals", "contact.goals.unknown");
        }
        var after = before.correctedTo(Contact.log(trajectory.id(), trajectory.startedOn(), form.contactOn(),
                form.minutes(), form.party(), form.mode(), form.themes(), form.note(), form.reason(), goals, user.id(),
                LocalDate.now(clock), clock.instant()));
        Map<Long, String> names = choices.stream().collect(Collectors.toMap(GoalChoice::id, GoalChoice::description));
        var changes = new CorrectionLog.Changes().field("contactOn", before.contactOn(), after.contactOn())
                .field("minutes", before.minutes(), after.minutes()).field("party", before.party(), after.party())
                .field("mode", before.mode(), after.mode())
                .field("themes", codes(before.themeSet()), codes(after.themeSet()))
                .field("note", before.note(), after.note()).field("reason", before.reason(), after.reason())
                .field("goals", goalNames(before.goalIds(), names), goalNames(after.goalIds(), names));
        if (changes.isEmpty()) {
            return;
        }
        try {
            contacts.save(after);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("contact", contactId);
        }
        corrections.record(trajectory.employeeId(), trajectory.id(), CorrectionLog.Subject.CONTACT, contactId,
                changes.list(), user.id());
        access.changed("contact", contactId, trajectory.employeeId());
        events.publishEvent(new ContactCorrected(contactId, trajectory.id()));
    }

    /**
     * Deletes a contact logged by mistake, of a trajectory the user sees; the history keeps that it was there (date
     * and minutes) and the indicators are recomputed ({@link ContactDeleted}).
     */
    public void delete(CurrentUser user, long trajectoryId, long contactId, Integer version) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        var contact = contactOf(trajectory, contactId);
        if (version == null || !version.equals(contact.version())) {
            throw new ConflictException("contact", contactId);
        }
        int deleted = jdbc.sql("delete from contact where id = :c and trajectory_id = :t and version = :v")
                .param("c", contactId).param("t", trajectory.id()).param("v", version).update();
        if (deleted == 0) {
            throw new ConflictException("contact", contactId);
        }
        corrections.record(trajectory.employeeId(), trajectory.id(), CorrectionLog.Subject.CONTACT, contactId,
                List.of(new CorrectionLog.Change(CorrectionLog.DELETED,
                        contact.contactOn() + ", " + contact.minutes() + " min", null)), user.id());
        access.deleted("contact", contactId, trajectory.employeeId());
        events.publishEvent(new ContactDeleted(contactId, trajectory.id()));
    }

    /** A contact of the scoped trajectory; any other id is {@link NotFoundException}. */
    private Contact contactOf(TrajectoryRef trajectory, long contactId) {
        return contacts.findById(contactId).filter(c -> c.trajectoryId() == trajectory.id())
                .orElseThrow(() -> new NotFoundException("contact", contactId));
    }

    private static String codes(Set<Theme> themes) {
        return themes.stream().map(Theme::name).collect(Collectors.joining(","));
    }

    private static String goalNames(Set<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining("; "));
    }

    /** Everything the trajectory page shows about contacts, with the most recent contacts. The read is logged. */
    @Transactional(readOnly = true)
    public ContactSection section(CurrentUser user, long trajectoryId) {
        return section(user, trajectoryId, false);
    }

    /** Everything the trajectory page shows about contacts; all contacts or the most recent. The read is logged. */
    @Transactional(readOnly = true)
    public ContactSection section(CurrentUser user, long trajectoryId, boolean allContacts) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        access.read("contact", "trajectory:" + trajectoryId, trajectory.employeeId());
        var shown = newestFirst(trajectory.id(), allContacts ? Integer.MAX_VALUE : ContactSection.RECENT);
        long total = shown.size() < ContactSection.RECENT ? shown.size()
                : contacts.countByTrajectoryId(trajectory.id());
        return new ContactSection(trajectory.id(), hoursThisMonth(trajectory), intensity(trajectory), shown, total,
                goalChoices(trajectory.id()));
    }

    /** The goals of the trajectory's coaching plan a contact can be linked to (none without a plan module). */
    private List<GoalChoice> goalChoices(long trajectoryId) {
        var provider = goalChoices.getIfAvailable();
        return provider == null ? List.of() : provider.of(trajectoryId);
    }

    /** The contact timeline, newest first. The read is logged. */
    @Transactional(readOnly = true)
    public List<ContactEntry> timeline(CurrentUser user, long trajectoryId) {
        TrajectoryRef trajectory = trajectories.visible(user, trajectoryId);
        access.read("contact", "trajectory:" + trajectoryId, trajectory.employeeId());
        return newestFirst(trajectory.id(), Integer.MAX_VALUE);
    }

    /** The newest contacts of a trajectory with their themes, in one query (no query per contact). */
    private List<ContactEntry> newestFirst(long trajectoryId, int limit) {
        Map<Long, ContactEntry> entries = new LinkedHashMap<>();
        jdbc.sql("""
                select c.id, c.contact_on, c.minutes, c.party, c.mode, c.note, c.reason, ct.theme,
                       cast(null as bigint) as goal_id
                from (select * from contact where trajectory_id = :id
                      order by contact_on desc, id desc limit :limit) c
                left join contact_theme ct on ct.contact_id = c.id
                union all
                select c.id, c.contact_on, c.minutes, c.party, c.mode, c.note, c.reason, null, cg.goal_id
                from (select * from contact where trajectory_id = :id
                      order by contact_on desc, id desc limit :limit) c
                join contact_goal cg on cg.contact_id = c.id
                order by contact_on desc, id desc
                """)
                .param("id", trajectoryId).param("limit", limit)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    var entry = entries.get(id);
                    if (entry == null) {
                        entry = new ContactEntry(id, rs.getObject("contact_on", LocalDate.class), rs.getInt("minutes"),
                                Party.valueOf(rs.getString("party")), ContactMode.valueOf(rs.getString("mode")),
                                new TreeSet<>(), rs.getString("note"), rs.getString("reason"), new TreeSet<>());
                        entries.put(id, entry);
                    }
                    if (rs.getString("theme") != null) {
                        entry.themes().add(Theme.valueOf(rs.getString("theme")));
                    }
                    if (rs.getObject("goal_id") != null) {
                        entry.goals().add(rs.getLong("goal_id"));
                    }
                    return entry;
                }).list();
        return entries.values().stream().map(e -> new ContactEntry(e.id(), e.contactOn(), e.minutes(), e.party(),
                e.mode(), Collections.unmodifiableSet(e.themes()), e.note(), e.reason(),
                Collections.unmodifiableSet(e.goals()))).toList();
    }

    /**
     * Contact hours per calendar month, from the first month with a contact (or the start) to this month, gaps
     * filled with zero.
     */
    @Transactional(readOnly = true)
    public List<MonthlyHours> intensity(TrajectoryRef trajectory) {
        Map<YearMonth, double[]> months = new TreeMap<>();
        jdbc.sql("""
                select extract(year from contact_on) as y, extract(month from contact_on) as m, party,
                       sum(minutes) as minutes
                from contact where trajectory_id = :id
                group by extract(year from contact_on), extract(month from contact_on), party
                """)
                .param("id", trajectory.id())
                .query((rs, n) -> {
                    var month = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
                    var hours = months.computeIfAbsent(month, k -> new double[3]);
                    int slot = switch (Party.valueOf(rs.getString("party")).group()) {
                        case "EMPLOYEE" -> 0;
                        case "EMPLOYER" -> 1;
                        default -> 2;
                    };
                    hours[slot] += rs.getLong("minutes") / 60.0;
                    return month;
                }).list();
        YearMonth now = YearMonth.now(clock);
        YearMonth first = YearMonth.from(trajectory.startedOn());
        if (!months.isEmpty() && months.keySet().iterator().next().isBefore(first)) {
            first = months.keySet().iterator().next();
        }
        var result = new ArrayList<MonthlyHours>();
        for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
            double[] h = months.getOrDefault(m, new double[3]);
            result.add(new MonthlyHours(m, round(h[0]), round(h[1]), round(h[2])));
        }
        return result;
    }

    /** Contact hours this calendar month. */
    @Transactional(readOnly = true)
    public double hoursThisMonth(TrajectoryRef trajectory) {
        YearMonth now = YearMonth.now(clock);
        Long minutes = jdbc.sql("select coalesce(sum(minutes), 0) from contact where trajectory_id = :id "
                + "and contact_on >= :from and contact_on < :to")
                .param("id", trajectory.id()).param("from", now.atDay(1)).param("to", now.plusMonths(1).atDay(1))
                .query(Long.class).single();
        return round(minutes / 60.0);
    }

    private static double round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }

    private static ContactEntry entry(Contact c) {
        return new ContactEntry(c.id(), c.contactOn(), c.minutes(), c.party(), c.mode(), c.themeSet(), c.note(),
                c.reason(), c.goalIds());
    }
}

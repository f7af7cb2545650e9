package nl.jobcoachmonitor.circle;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.Like;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The circle's meetings: the organiser plans them; coaches of every organisation see the upcoming ones, register and
 * unregister; a full meeting keeps a waiting list that moves up by itself when someone with a place unregisters (that
 * coach is mailed); the organiser records attendance, writes the report and publishes it to the participants; the
 * published reports form the archive.
 *
 * <p>Registering and unregistering first lock the meeting's row (an update of its version), so two coaches who take
 * the last place at the same moment, on any instance, are served one after the other: one gets the place, the other
 * the waiting list. The unique constraint on (meeting, coach) keeps anything from being stored twice.
 */
@Service
@Transactional
public class MeetingManagement {

    /** The longest report the organiser can write (characters). */
    public static final int REPORT_LENGTH = 20_000;

    private static final String SUMMARY = """
            select m.id, m.circle_id, c.name as circle_name, m.title, m.starts_at, m.ends_at, m.format, m.place,
              m.online_link, m.capacity, m.report_published_at,
              (select count(*) from meeting_registration r where r.meeting_id = m.id and r.status = 'REGISTERED')
                as registered,
              (select count(*) from meeting_registration r where r.meeting_id = m.id and r.status = 'WAITING')
                as waiting,
              (select r.status from meeting_registration r where r.meeting_id = m.id and r.user_id = :u) as my_status,
              (select count(*) from meeting_registration w join meeting_registration me
                 on me.meeting_id = w.meeting_id and me.user_id = :u and me.status = 'WAITING'
               where w.meeting_id = m.id and w.status = 'WAITING'
                 and (w.registered_at < me.registered_at or (w.registered_at = me.registered_at and w.id <= me.id)))
                as my_position
            from meeting m join circle c on c.id = m.circle_id
            """;

    private final JdbcClient jdbc;
    private final CircleManagement circles;
    private final MeetingMails meetingMails;
    private final List<MeetingHighlights> highlights;
    private final PersonalDataAccess access;
    private final Clock clock;

    MeetingManagement(JdbcClient jdbc, CircleManagement circles, MeetingMails meetingMails,
            List<MeetingHighlights> highlights, PersonalDataAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.circles = circles;
        this.meetingMails = meetingMails;
        this.highlights = highlights;
        this.access = access;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- planning (organiser)

    /**
     * Plans a meeting in one of the circles this user organises.
     *
     * @throws DomainRuleViolation at the field: a date in the past, the end not after the start, no place for a
     *         meeting in person, no (or no web) link for an online one, a circle the user does not organise
     */
    public long plan(CurrentUser organiser, MeetingForm form) {
        var organised = circles.organisedBy(organiser);
        long circleId = form.getCircleId() != null ? form.getCircleId()
                : organised.stream().findFirst().map(CircleRow::id).orElseThrow(() -> new NotFoundException("circle", "-"));
        if (organised.stream().noneMatch(c -> c.id() == circleId)) {
            throw new DomainRuleViolation("circleId", "circle.meeting.circle.notYours");
        }
        var zone = clock.getZone();
        ZonedDateTime start = form.getDate().atTime(form.getStartTime()).atZone(zone);
        ZonedDateTime end = form.getDate().atTime(form.getEndTime()).atZone(zone);
        if (!start.toInstant().isAfter(clock.instant())) {
            throw new DomainRuleViolation("date", "circle.meeting.past");
        }
        if (!end.isAfter(start)) {
            throw new DomainRuleViolation("endTime", "circle.meeting.endBeforeStart");
        }
        String place = blankToNull(form.getPlace());
        String link = blankToNull(form.getOnlineLink());
        if (form.getFormat() == MeetingFormat.IN_PERSON && place == null) {
            throw new DomainRuleViolation("place", "circle.meeting.placeRequired");
        }
        if (form.getFormat() == MeetingFormat.ONLINE) {
            if (link == null) {
                throw new DomainRuleViolation("onlineLink", "circle.meeting.linkRequired");
            }
            if (!webLink(link)) {
                throw new DomainRuleViolation("onlineLink", "circle.meeting.linkInvalid");
            }
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into meeting (circle_id, title, description, starts_at, ends_at, format, place, online_link,
                  capacity, created_by, created_at)
                values (:c, :t, :d, :s, :e, :f, :p, :l, :cap, :by, :at)""")
                .param("c", circleId).param("t", form.getTitle().strip()).param("d", blankToNull(form.getDescription()))
                .param("s", start.toOffsetDateTime()).param("e", end.toOffsetDateTime())
                .param("f", form.getFormat().name())
                .param("p", form.getFormat() == MeetingFormat.IN_PERSON ? place : null)
                .param("l", form.getFormat() == MeetingFormat.ONLINE ? link : null)
                .param("cap", form.getCapacity()).param("by", organiser.id())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        int position = 0;
        for (var item : form.items()) {
            jdbc.sql("insert into meeting_programme_item (meeting_id, position, kind, title, speakers) "
                    + "values (:m, :p, :k, :t, :s)").param("m", id).param("p", ++position)
                    .param("k", item.getKind() == null ? ProgrammeKind.TALK.name() : item.getKind().name())
                    .param("t", item.getTitle().strip()).param("s", blankToNull(item.getSpeakers())).update();
        }
        for (Theme theme : form.getThemes()) {
            jdbc.sql("insert into meeting_theme (meeting_id, theme) values (:m, :t)").param("m", id)
                    .param("t", theme.name()).update();
        }
        return id;
    }

    // ---------------------------------------------------------------- what coaches see

    /** The meetings that have not ended yet, soonest first, with this coach's registration. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> upcoming(CurrentUser user) {
        return summaries(user, "where m.ends_at > :now order by m.starts_at, m.id", Map.of());
    }

    /**
     * The meetings of the circles this organiser organises that have begun and whose report is not published yet,
     * newest first: where attendance and the report are still to do.
     */
    @Transactional(readOnly = true)
    public List<MeetingSummary> awaitingReport(CurrentUser organiser) {
        return summaries(organiser, "where m.starts_at <= :now and m.report_published_at is null and m.circle_id in "
                + "(select id from circle where organiser_id = :u) order by m.starts_at desc, m.id desc", Map.of());
    }

    /** The meetings this coach is registered for or waiting for, soonest first, not ended yet. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> mine(CurrentUser user) {
        return upcoming(user).stream().filter(m -> m.myStatus() != null).toList();
    }

    /** A meeting's page; the organiser of its circle also sees the participants (logged as a read). */
    @Transactional(readOnly = true)
    public MeetingDetail detail(CurrentUser user, long meetingId) {
        var meeting = summary(user, meetingId).orElseThrow(() -> new NotFoundException("meeting", meetingId));
        boolean organiser = circles.organises(user, meeting.circleId());
        var row = jdbc.sql("select description, report from meeting where id = :m").param("m", meetingId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        List<Participant> participants = List.of();
        if (organiser) {
            participants = participants(meetingId);
            access.read("meeting_registration", "meeting " + meetingId, null);
        }
        boolean on = started(meeting) && meeting.endsAt().toInstant().isAfter(clock.instant());
        return new MeetingDetail(meeting, row[0], programme(meetingId), organiser, started(meeting),
                participants, organiser ? row[1] : null, on, organiser || (on && user.isCoach()));
    }

    @Transactional(readOnly = true)
    public MeetingSummary summaryOf(CurrentUser user, long meetingId) {
        return summary(user, meetingId).orElseThrow(() -> new NotFoundException("meeting", meetingId));
    }

    /** The meeting as an iCalendar file, for a calendar. */
    @Transactional(readOnly = true)
    public byte[] calendar(CurrentUser user, long meetingId, String linkBase) {
        var meeting = summaryOf(user, meetingId);
        return MeetingCalendar.of(meeting, linkBase + "/circle/meetings/" + meetingId,
                meeting.format() == MeetingFormat.ONLINE ? meeting.onlineLink() : meeting.place());
    }

    // ---------------------------------------------------------------- registering

    /**
     * Registers this coach: a place while there is one, else (only when the coach asked for it) the waiting list.
     *
     * @param waitingList whether the coach accepts a place on the waiting list when the meeting is full
     * @param language    the language of the coach's mails ({@code nl} or {@code en})
     * @param linkBase    the application's address the mails link to
     * @throws DomainRuleViolation {@code circle.register.past} (the meeting has begun), {@code circle.register.twice},
     *         {@code circle.register.full} (full, and the waiting list was not asked for)
     */
    public RegistrationOutcome register(CurrentUser user, long meetingId, boolean waitingList, String language,
            String linkBase) {
        lock(meetingId);
        var meeting = summaryOf(user, meetingId);
        if (started(meeting)) {
            throw new DomainRuleViolation("meeting", "circle.register.past");
        }
        if (meeting.myStatus() != null) {
            throw new DomainRuleViolation("meeting", "circle.register.twice");
        }
        RegistrationStatus status = meeting.full() ? RegistrationStatus.WAITING : RegistrationStatus.REGISTERED;
        if (status == RegistrationStatus.WAITING && !waitingList) {
            throw new DomainRuleViolation("meeting", "circle.register.full");
        }
        String lang = "en".equals(language) ? "en" : "nl";
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    insert into meeting_registration (meeting_id, user_id, status, language, link_base, registered_at,
                      placed_at)
                    values (:m, :u, :s, :l, :b, :at, :placed)""").param("m", meetingId).param("u", user.id())
                    .param("s", status.name()).param("l", lang).param("b", linkBase)
                    .param("at", OffsetDateTime.ofInstant(now, clock.getZone()))
                    .param("placed", status == RegistrationStatus.REGISTERED
                            ? OffsetDateTime.ofInstant(now, clock.getZone()) : null)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new DomainRuleViolation("meeting", "circle.register.twice");
        }
        var after = summaryOf(user, meetingId);
        int position = after.myWaitingPosition() == null ? 0 : after.myWaitingPosition();
        boolean mailed = meetingMails.send(status == RegistrationStatus.REGISTERED ? MeetingMails.Kind.CONFIRMED
                : MeetingMails.Kind.WAITING, addressee(meetingId, user.id()), after, position, user.id());
        return new RegistrationOutcome(status, position, mailed);
    }

    /**
     * Takes this coach's registration (or place on the waiting list) back. A place that comes free goes to the first
     * on the waiting list, who is mailed.
     *
     * @throws DomainRuleViolation {@code circle.unregister.past} (the meeting has begun),
     *         {@code circle.unregister.notRegistered}
     */
    public void unregister(CurrentUser user, long meetingId) {
        lock(meetingId);
        var meeting = summaryOf(user, meetingId);
        if (started(meeting)) {
            throw new DomainRuleViolation("meeting", "circle.unregister.past");
        }
        if (meeting.myStatus() == null) {
            throw new DomainRuleViolation("meeting", "circle.unregister.notRegistered");
        }
        jdbc.sql("delete from meeting_registration where meeting_id = :m and user_id = :u").param("m", meetingId)
                .param("u", user.id()).update();
        moveUp(meetingId, user.id());
    }

    /** Gives the free places to the first on the waiting list, in order, and mails each. */
    private void moveUp(long meetingId, long by) {
        while (true) {
            int capacity = jdbc.sql("select capacity from meeting where id = :m").param("m", meetingId)
                    .query(Integer.class).single();
            long registered = jdbc.sql("select count(*) from meeting_registration where meeting_id = :m "
                    + "and status = 'REGISTERED'").param("m", meetingId).query(Long.class).single();
            if (registered >= capacity) {
                return;
            }
            Optional<Long> next = jdbc.sql("""
                    select user_id from meeting_registration where meeting_id = :m and status = 'WAITING'
                    order by registered_at, id limit 1""").param("m", meetingId).query(Long.class).optional();
            if (next.isEmpty()) {
                return;
            }
            jdbc.sql("update meeting_registration set status = 'REGISTERED', placed_at = :at where meeting_id = :m "
                    + "and user_id = :u").param("at", OffsetDateTime.now(clock)).param("m", meetingId)
                    .param("u", next.get()).update();
            var to = addressee(meetingId, next.get());
            var meeting = summaries(next.get(), "where m.id = :m", Map.of("m", meetingId)).get(0);
            meetingMails.send(MeetingMails.Kind.PLACED, to, meeting, 0, by);
        }
    }

    // ---------------------------------------------------------------- after the meeting (organiser)

    /**
     * Records who attended (the others with a place did not). Only once the meeting has begun.
     *
     * @throws DomainRuleViolation {@code circle.attendance.notYet}
     */
    public void recordAttendance(CurrentUser organiser, long meetingId, Collection<Long> attended) {
        var meeting = organised(organiser, meetingId);
        if (!started(meeting)) {
            throw new DomainRuleViolation("attended", "circle.attendance.notYet");
        }
        jdbc.sql("update meeting_registration set attended = false where meeting_id = :m and status = 'REGISTERED'")
                .param("m", meetingId).update();
        if (!attended.isEmpty()) {
            jdbc.sql("update meeting_registration set attended = true where meeting_id = :m and status = 'REGISTERED' "
                    + "and user_id in (:u)").param("m", meetingId).param("u", attended).update();
        }
        access.changed("meeting_registration", "meeting " + meetingId + " attendance", null);
    }

    /** The report as written so far (organiser). */
    @Transactional(readOnly = true)
    public String reportText(CurrentUser organiser, long meetingId) {
        organised(organiser, meetingId);
        return jdbc.sql("select report from meeting where id = :m").param("m", meetingId).query(String.class)
                .optional().orElse(null);
    }

    /**
     * Saves the report (a draft until published; after publishing, corrections are shown at once).
     *
     * @throws DomainRuleViolation {@code circle.report.notYet} before the meeting began, {@code circle.report.tooLong}
     */
    public void writeReport(CurrentUser organiser, long meetingId, String text) {
        var meeting = organised(organiser, meetingId);
        if (!started(meeting)) {
            throw new DomainRuleViolation("report", "circle.report.notYet");
        }
        String report = blankToNull(text);
        if (report != null && report.length() > REPORT_LENGTH) {
            throw new DomainRuleViolation("report", "circle.report.tooLong");
        }
        jdbc.sql("update meeting set report = :r, version = version + 1 where id = :m").param("r", report)
                .param("m", meetingId).update();
    }

    /**
     * Publishes the report once: it joins the archive and every coach who had a place gets a mail with its link.
     * Returns how many were mailed.
     *
     * @throws DomainRuleViolation {@code circle.report.empty}, {@code circle.report.published} (already)
     */
    public int publishReport(CurrentUser organiser, long meetingId) {
        organised(organiser, meetingId);
        lock(meetingId);
        var state = jdbc.sql("select report, report_published_at from meeting where id = :m").param("m", meetingId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2)}).single();
        if (state[1] != null) {
            throw new DomainRuleViolation("report", "circle.report.published");
        }
        if (state[0] == null) {
            throw new DomainRuleViolation("report", "circle.report.empty");
        }
        jdbc.sql("update meeting set report_published_at = :at where id = :m and report_published_at is null")
                .param("at", OffsetDateTime.now(clock)).param("m", meetingId).update();
        List<Long> participants = jdbc.sql("select user_id from meeting_registration where meeting_id = :m "
                + "and status = 'REGISTERED' and (attended is null or attended = true) order by id")
                .param("m", meetingId).query(Long.class).list();
        int mailed = 0;
        for (long participant : participants) {
            var meeting = summaries(participant, "where m.id = :m", Map.of("m", meetingId)).get(0);
            if (meetingMails.send(MeetingMails.Kind.REPORT, addressee(meetingId, participant), meeting, 0,
                    organiser.id())) {
                mailed++;
            }
        }
        return mailed;
    }

    /** A published report (anyone in the circle), or a draft (its organiser only); else 404. */
    @Transactional(readOnly = true)
    public MeetingReport report(CurrentUser user, long meetingId) {
        var meeting = summaryOf(user, meetingId);
        boolean organiser = circles.organises(user, meeting.circleId());
        if (!meeting.reportPublished() && !organiser) {
            throw new NotFoundException("meeting report", meetingId);
        }
        var row = jdbc.sql("select description, report from meeting where id = :m").param("m", meetingId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        List<MeetingHighlight> parts = new ArrayList<>();
        highlights.forEach(h -> parts.addAll(h.of(meetingId)));
        return new MeetingReport(meeting, row[0], programme(meetingId), row[1], organiser, parts);
    }

    /**
     * The archive: meetings with a published report, newest first, by theme and by words in the title, description or
     * report (both optional).
     */
    @Transactional(readOnly = true)
    public List<MeetingSummary> archive(CurrentUser user, String query, Theme theme) {
        var where = new StringBuilder("where m.report_published_at is not null");
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            where.append(" and (lower(m.title) like :q escape '\\' or lower(coalesce(m.description, '')) like :q "
                    + "escape '\\' or lower(coalesce(m.report, '')) like :q escape '\\')");
            params.put("q", Like.containing(query));
        }
        if (theme != null) {
            where.append(" and exists (select 1 from meeting_theme t where t.meeting_id = m.id and t.theme = :theme)");
            params.put("theme", theme.name());
        }
        where.append(" order by m.starts_at desc, m.id desc");
        return summaries(user, where.toString(), params);
    }

    /** The meetings this coach attended (recorded by the organiser), oldest first, with their programme. */
    @Transactional(readOnly = true)
    public List<AttendedMeeting> attended(CurrentUser user) {
        return summaries(user, "where exists (select 1 from meeting_registration a where a.meeting_id = m.id "
                + "and a.user_id = :u and a.attended = true) order by m.starts_at, m.id", Map.of()).stream()
                .map(m -> new AttendedMeeting(m, String.join("; ", programme(m.id()).stream()
                        .map(ProgrammeItem::title).toList())))
                .toList();
    }

    // ---------------------------------------------------------------- helpers

    private boolean started(MeetingSummary meeting) {
        return !meeting.startsAt().toInstant().isAfter(clock.instant());
    }

    /** Locks the meeting's row until the transaction ends (404 for an unknown meeting). */
    private void lock(long meetingId) {
        if (jdbc.sql("update meeting set version = version + 1 where id = :m").param("m", meetingId).update() == 0) {
            throw new NotFoundException("meeting", meetingId);
        }
    }

    /** The meeting, if this user organises its circle; else 404 (logged). */
    private MeetingSummary organised(CurrentUser organiser, long meetingId) {
        var meeting = summary(organiser, meetingId).orElseThrow(() -> new NotFoundException("meeting", meetingId));
        if (!circles.organises(organiser, meeting.circleId())) {
            throw new NotFoundException("meeting", meetingId);
        }
        return meeting;
    }

    private Optional<MeetingSummary> summary(CurrentUser user, long meetingId) {
        return summaries(user.id(), "where m.id = :m", Map.of("m", meetingId)).stream().findFirst();
    }

    private List<MeetingSummary> summaries(CurrentUser user, String where, Map<String, Object> params) {
        return summaries(user.id(), where, params);
    }

    private List<MeetingSummary> summaries(long userId, String where, Map<String, Object> params) {
        var statement = jdbc.sql(SUMMARY + where).param("u", userId);
        if (where.contains(":now")) {
            statement = statement.param("now", OffsetDateTime.now(clock));
        }
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<MeetingSummary> list = statement.query(this::summaryRow).list();
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, List<Theme>> themes = new HashMap<>();
        jdbc.sql("select meeting_id, theme from meeting_theme where meeting_id in (:ids) order by theme")
                .param("ids", list.stream().map(MeetingSummary::id).toList())
                .query((rs, n) -> themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(Theme.valueOf(rs.getString(2))))
                .list();
        return list.stream().map(m -> new MeetingSummary(m.id(), m.circleId(), m.circleName(), m.title(),
                m.startsAt(), m.endsAt(), m.format(), m.place(), m.onlineLink(), m.capacity(), m.registered(),
                m.waiting(), m.myStatus(), m.myWaitingPosition(), m.reportPublished(),
                themes.getOrDefault(m.id(), List.of()))).toList();
    }

    private MeetingSummary summaryRow(ResultSet rs, int n) throws SQLException {
        var zone = clock.getZone();
        String status = rs.getString("my_status");
        int position = rs.getInt("my_position");
        return new MeetingSummary(rs.getLong("id"), rs.getLong("circle_id"), rs.getString("circle_name"),
                rs.getString("title"), rs.getObject("starts_at", OffsetDateTime.class).atZoneSameInstant(zone),
                rs.getObject("ends_at", OffsetDateTime.class).atZoneSameInstant(zone),
                MeetingFormat.valueOf(rs.getString("format")), rs.getString("place"), rs.getString("online_link"),
                rs.getInt("capacity"), rs.getInt("registered"), rs.getInt("waiting"),
                status == null ? null : RegistrationStatus.valueOf(status),
                "WAITING".equals(status) ? position : null, rs.getObject("report_published_at") != null, List.of());
    }

    private List<ProgrammeItem> programme(long meetingId) {
        return jdbc.sql("select kind, title, speakers from meeting_programme_item where meeting_id = :m "
                + "order by position").param("m", meetingId)
                .query((rs, n) -> new ProgrammeItem(ProgrammeKind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3))).list();
    }

    private List<Participant> participants(long meetingId) {
        return jdbc.sql("""
                select u.id, u.display_name, o.name, r.status, r.attended from meeting_registration r
                join app_user u on u.id = r.user_id left join organisation o on o.id = u.organisation_id
                where r.meeting_id = :m order by case when r.status = 'REGISTERED' then 0 else 1 end,
                  r.registered_at, r.id""").param("m", meetingId)
                .query((rs, n) -> new Participant(rs.getLong(1), rs.getString(2), rs.getString(3),
                        RegistrationStatus.valueOf(rs.getString(4)), (Boolean) rs.getObject(5)))
                .list();
    }

    private MeetingMails.Addressee addressee(long meetingId, long userId) {
        return jdbc.sql("""
                select u.id, u.display_name, u.email, r.language, r.link_base from meeting_registration r
                join app_user u on u.id = r.user_id where r.meeting_id = :m and r.user_id = :u""")
                .param("m", meetingId).param("u", userId)
                .query((rs, n) -> new MeetingMails.Addressee(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).single();
    }

    /** The reminders due: registrations with a place at meetings that begin before {@code until}, not reminded. */
    List<long[]> remindersDue(Instant until) {
        return jdbc.sql("""
                select r.meeting_id, r.user_id from meeting_registration r join meeting m on m.id = r.meeting_id
                where r.status = 'REGISTERED' and r.reminded_at is null and m.starts_at > :now and m.starts_at < :until
                order by m.starts_at, r.id""").param("now", OffsetDateTime.now(clock))
                .param("until", OffsetDateTime.ofInstant(until, clock.getZone()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /**
     * Sends this registration's reminder, once: claimed by a conditional update, so another run or instance that got
     * there first wins and this one sends nothing. True when this call sent (or recorded) it.
     */
    boolean remind(long meetingId, long userId) {
        int claimed = jdbc.sql("update meeting_registration set reminded_at = :at where meeting_id = :m "
                + "and user_id = :u and reminded_at is null and status = 'REGISTERED'")
                .param("at", OffsetDateTime.now(clock)).param("m", meetingId).param("u", userId).update();
        if (claimed == 0) {
            return false;
        }
        var meeting = summaries(userId, "where m.id = :m", Map.of("m", meetingId)).get(0);
        return meetingMails.send(MeetingMails.Kind.REMINDER, addressee(meetingId, userId), meeting, 0, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean webLink(String link) {
        try {
            var uri = URI.create(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

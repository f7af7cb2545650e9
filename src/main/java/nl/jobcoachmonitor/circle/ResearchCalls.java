package nl.jobcoachmonitor.circle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls for research participation: a researcher posts one; coaches of every organisation read the open calls and
 * sign up (or withdraw). The researcher sees how many signed up, and who (name, organisation, address) only of those
 * who did, on the call's own page; every such view is in the access log. Nobody else sees who signed up.
 */
@Service
@Transactional
public class ResearchCalls {

    private static final String CALLS = """
            select c.id, u.display_name, c.study, c.asks, c.contact, c.closes_on, c.created_at,
              (select count(*) from research_signup s where s.call_id = c.id) as signups,
              (select count(*) from research_signup s where s.call_id = c.id and s.user_id = :u) as mine
            from research_call c join app_user u on u.id = c.researcher_id
            """;

    private final JdbcClient jdbc;
    private final PersonalDataAccess access;
    private final Clock clock;

    ResearchCalls(JdbcClient jdbc, PersonalDataAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    public long post(CurrentUser researcher, CallForm form) {
        if (form.closesOn() != null && form.closesOn().isBefore(LocalDate.now(clock))) {
            throw new DomainRuleViolation("closesOn", "circle.call.closesInPast");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into research_call (researcher_id, study, asks, contact, closes_on, created_at)
                values (:r, :s, :a, :c, :d, :at)""").param("r", researcher.id()).param("s", form.study().strip())
                .param("a", form.asks().strip()).param("c", form.contact().strip()).param("d", form.closesOn())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The calls still open (not past their closing day), newest first, with whether this coach signed up. */
    @Transactional(readOnly = true)
    public List<ResearchCall> open(CurrentUser coach) {
        return jdbc.sql(CALLS + " where c.closes_on is null or c.closes_on >= :today order by c.created_at desc, c.id desc")
                .param("u", coach.id()).param("today", LocalDate.now(clock)).query(this::row).list();
    }

    /** This researcher's calls, newest first, with the number of coaches who signed up (no names). */
    @Transactional(readOnly = true)
    public List<ResearchCall> postedBy(CurrentUser researcher) {
        return jdbc.sql(CALLS + " where c.researcher_id = :u order by c.created_at desc, c.id desc")
                .param("u", researcher.id()).query(this::row).list();
    }

    /**
     * One of this researcher's calls with the coaches who signed up: the read of their names is logged. Another
     * researcher's call answers 404.
     */
    @Transactional(readOnly = true)
    public ResearchCall withVolunteers(CurrentUser researcher, long callId) {
        var call = jdbc.sql(CALLS + " where c.id = :id and c.researcher_id = :u").param("id", callId)
                .param("u", researcher.id()).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("research call", callId));
        var zone = clock.getZone();
        var volunteers = jdbc.sql("""
                select u.display_name, o.name, u.email, s.signed_up_at from research_signup s
                join app_user u on u.id = s.user_id left join organisation o on o.id = u.organisation_id
                where s.call_id = :c order by s.signed_up_at, s.id""").param("c", callId)
                .query((rs, n) -> new ResearchCall.Volunteer(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(zone))).list();
        access.read("research_signup", "call " + callId + ": " + volunteers.size() + " coaches", null);
        return new ResearchCall(call.id(), call.researcher(), call.study(), call.asks(), call.contact(),
                call.closesOn(), call.postedAt(), call.open(), false, call.signups(), volunteers);
    }

    /**
     * Signs this coach up for an open call.
     *
     * @throws DomainRuleViolation {@code circle.call.closed}, {@code circle.call.twice}
     */
    public void signUp(CurrentUser coach, long callId) {
        var call = visible(coach, callId);
        if (!call.open()) {
            throw new DomainRuleViolation("call", "circle.call.closed");
        }
        if (call.signedUp()) {
            throw new DomainRuleViolation("call", "circle.call.twice");
        }
        try {
            jdbc.sql("insert into research_signup (call_id, user_id, signed_up_at) values (:c, :u, :at)")
                    .param("c", callId).param("u", coach.id()).param("at", OffsetDateTime.now(clock)).update();
        } catch (DataIntegrityViolationException e) {
            throw new DomainRuleViolation("call", "circle.call.twice");
        }
    }

    /** Takes this coach's sign-up back (nothing to do when there is none). */
    public void withdraw(CurrentUser coach, long callId) {
        visible(coach, callId);
        jdbc.sql("delete from research_signup where call_id = :c and user_id = :u").param("c", callId)
                .param("u", coach.id()).update();
    }

    private ResearchCall visible(CurrentUser coach, long callId) {
        return jdbc.sql(CALLS + " where c.id = :id").param("id", callId).param("u", coach.id()).query(this::row)
                .optional().orElseThrow(() -> new NotFoundException("research call", callId));
    }

    private ResearchCall row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate closes = rs.getObject("closes_on", LocalDate.class);
        return new ResearchCall(rs.getLong("id"), rs.getString(2), rs.getString("study"), rs.getString("asks"),
                rs.getString("contact"), closes,
                rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()),
                closes == null || !closes.isBefore(LocalDate.now(clock)), rs.getInt("mine") > 0,
                rs.getInt("signups"), List.of());
    }
}

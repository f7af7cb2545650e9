package nl.jobcoachmonitor.measurement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The questionnaire mails (table {@code questionnaire_mail}, see migration V8): invitations and reminders as composed,
 * whether and when they were sent, and the administrator's outbox. At most one reminder per wave and respondent is
 * enforced by the database (a unique constraint and a conditional insert), not by looking first.
 */
@Component
class QuestionnaireMails {

    static final int FAILURE_LENGTH = 1000;

    private final JdbcClient jdbc;

    QuestionnaireMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How the body of a mail is kept: see {@link MailState#OUTBOX} and the migration's comment. */
    enum Delivery {
        OUTBOX, SMTP
    }

    /** A mail to record; {@code waveId} is null for an own-data link. */
    record NewMail(Long waveId, Respondent respondent, Long personId, MailKind kind, String address,
            MailLanguage language, String subject, String body, Delivery delivery, String linkBase, Long createdBy,
            Instant createdAt) {
    }

    /** A mail as the outbox shows it. */
    record OutboxEntry(long id, Long personId, MailKind kind, Respondent respondent, String address,
            MailLanguage language, String subject, String body, MailState state, Instant createdAt, Instant sentAt,
            String failure) {
    }

    /** A delivered invitation whose wave may be due for a reminder (checked again in the reminder's transaction). */
    record ReminderDue(long invitationId, long waveId, Respondent respondent, Long personId, String address,
            MailLanguage language, String linkBase) {
    }

    long insert(NewMail mail) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into questionnaire_mail (wave_id, respondent, person_id, kind, address, language, subject, body,
                  delivery, link_base, created_by, created_at, reminded_wave_id)
                values (:wave, :respondent, :person, :kind, :address, :language, :subject, :body, :delivery, :base,
                  :by, :at, null)""")
                .params(params(mail)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Claims the one reminder of this wave and respondent: inserts it (subject and body follow in the same
     * transaction, see {@link #fill}) unless a reminder exists. Empty when another run or instance claimed it first.
     */
    Optional<Long> claimReminder(NewMail mail) {
        int inserted = jdbc.sql("""
                insert into questionnaire_mail (wave_id, respondent, person_id, kind, address, language, subject, body,
                  delivery, link_base, created_by, created_at, reminded_wave_id)
                values (:wave, :respondent, :person, :kind, :address, :language, :subject, :body, :delivery, :base,
                  :by, :at, :wave)
                on conflict do nothing""")
                .params(params(mail)).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select id from questionnaire_mail where reminded_wave_id = :w and respondent = :r")
                .param("w", mail.waveId()).param("r", mail.respondent().name()).query(Long.class).single());
    }

    void fill(long id, String subject, String body) {
        jdbc.sql("update questionnaire_mail set subject = :s, body = :b where id = :id").param("s", subject)
                .param("b", body).param("id", id).update();
    }

    void sent(long id, Instant at) {
        jdbc.sql("update questionnaire_mail set sent_at = :at, failure = null where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    void failed(long id, String failure) {
        String text = failure == null || failure.isBlank() ? "?" : failure;
        jdbc.sql("update questionnaire_mail set failure = :f where id = :id")
                .param("f", text.length() > FAILURE_LENGTH ? text.substring(0, FAILURE_LENGTH) : text)
                .param("id", id).update();
    }

    Optional<MailState> state(long id) {
        return jdbc.sql("select delivery, sent_at, failure from questionnaire_mail where id = :id").param("id", id)
                .query((rs, n) -> state(rs)).optional();
    }

    /** The latest mail to each respondent of these waves. */
    Map<Long, Map<Respondent, MailNote>> latest(List<Long> waveIds, ZoneId zone) {
        Map<Long, Map<Respondent, MailNote>> notes = new HashMap<>();
        if (waveIds.isEmpty()) {
            return notes;
        }
        jdbc.sql("""
                select wave_id, respondent, kind, delivery, sent_at, failure, created_at from questionnaire_mail
                where wave_id in (:w) order by id""").param("w", waveIds).query((rs, n) -> {
                    notes.computeIfAbsent(rs.getLong("wave_id"), k -> new HashMap<>()).put(
                            Respondent.valueOf(rs.getString("respondent")),
                            new MailNote(MailKind.valueOf(rs.getString("kind")), state(rs),
                                    LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), zone)));
                    return null;
                }).list();
        return notes;
    }

    List<OutboxEntry> outbox(int page, int size) {
        return jdbc.sql("select * from questionnaire_mail order by created_at desc, id desc limit :n offset :o")
                .param("n", size).param("o", page * size)
                .query((rs, n) -> new OutboxEntry(rs.getLong("id"), rs.getObject("person_id", Long.class),
                        MailKind.valueOf(rs.getString("kind")), Respondent.valueOf(rs.getString("respondent")),
                        rs.getString("address"), MailLanguage.of(rs.getString("language")), rs.getString("subject"),
                        rs.getString("body"), state(rs), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("sent_at")), rs.getString("failure")))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from questionnaire_mail").query(Long.class).single();
    }

    /**
     * Delivered invitations (sent, or kept in the outbox when no mail server is configured) of open waves due on or
     * before {@code dueOnOrBefore} and after {@code dueAfter}, sent before {@code invitedBefore}, whose respondent has
     * not completed the questionnaire and has had no reminder; the latest such invitation per wave and respondent.
     */
    List<ReminderDue> remindersDue(LocalDate dueOnOrBefore, LocalDate dueAfter, Instant invitedBefore) {
        return jdbc.sql("""
                select m.id, m.wave_id, m.respondent, m.person_id, m.address, m.language, m.link_base
                from questionnaire_mail m join measurement_wave w on w.id = m.wave_id
                where m.kind = 'INVITATION' and (m.delivery = 'OUTBOX' or m.sent_at is not null)
                  and w.status = 'OPEN' and w.due_on <= :dueOnOrBefore and w.due_on > :dueAfter
                  and m.created_at < :invitedBefore
                  and m.id = (select max(i.id) from questionnaire_mail i where i.wave_id = m.wave_id
                    and i.respondent = m.respondent and i.kind = 'INVITATION'
                    and (i.delivery = 'OUTBOX' or i.sent_at is not null))
                  and not exists (select 1 from questionnaire_mail r where r.reminded_wave_id = m.wave_id
                    and r.respondent = m.respondent)
                  and not exists (select 1 from response p where p.wave_id = m.wave_id and p.respondent = m.respondent
                    and p.completed_at is not null)
                order by m.id""")
                .param("dueOnOrBefore", dueOnOrBefore).param("dueAfter", dueAfter)
                .param("invitedBefore", Timestamp.from(invitedBefore))
                .query((rs, n) -> new ReminderDue(rs.getLong("id"), rs.getLong("wave_id"),
                        Respondent.valueOf(rs.getString("respondent")), rs.getObject("person_id", Long.class),
                        rs.getString("address"), MailLanguage.of(rs.getString("language")), rs.getString("link_base")))
                .list();
    }

    private static Map<String, Object> params(NewMail mail) {
        Map<String, Object> p = new HashMap<>();
        p.put("wave", mail.waveId());
        p.put("respondent", mail.respondent().name());
        p.put("person", mail.personId());
        p.put("kind", mail.kind().name());
        p.put("address", mail.address());
        p.put("language", mail.language().code());
        p.put("subject", mail.subject());
        p.put("body", mail.body());
        p.put("delivery", mail.delivery().name());
        p.put("base", mail.linkBase());
        p.put("by", mail.createdBy());
        p.put("at", Timestamp.from(mail.createdAt()));
        return p;
    }

    private static MailState state(ResultSet rs) throws SQLException {
        if (Delivery.valueOf(rs.getString("delivery")) == Delivery.OUTBOX) {
            return MailState.OUTBOX;
        }
        return rs.getTimestamp("sent_at") != null ? MailState.SENT
                : rs.getString("failure") != null ? MailState.FAILED : MailState.PENDING;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

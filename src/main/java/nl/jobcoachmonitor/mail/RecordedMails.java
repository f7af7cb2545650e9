package nl.jobcoachmonitor.mail;

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
 * Every mail as composed (table {@code questionnaire_mail}, see migrations V8, V16 and V20; the name is older than this
 * module): questionnaire invitations and reminders, own-data and assessment links, whether and when they were sent,
 * and the administrator's outbox. At most one reminder per wave and respondent is enforced by the database (a unique
 * constraint and a conditional insert), not by looking first.
 */
@Component
class RecordedMails {

    static final int FAILURE_LENGTH = 1000;

    private final JdbcClient jdbc;

    RecordedMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How the body of a mail is kept: see {@link MailState#OUTBOX} and the migration's comment. */
    enum Delivery {
        OUTBOX, SMTP
    }

    /** A mail to record, with the body as it is kept. */
    record NewMail(Envelope envelope, String subject, String body, Delivery delivery, Instant createdAt) {
    }

    /** A mail as the outbox shows it. */
    record OutboxEntry(long id, Long personId, MailKind kind, String respondent, String address,
            MailLanguage language, String subject, String body, MailState state, Instant createdAt, Instant sentAt,
            String failure) {
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
                .param("w", mail.envelope().waveId()).param("r", mail.envelope().respondent()).query(Long.class).single());
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

    /**
     * Whether a mail the mail server did not take is still to be sent: it exists (not erased), is not recorded as
     * sent, and no later mail went to the same respondent for the same wave, or of the same kind to the same person
     * and address (a later mail carries a new link, which made this one's link stop working).
     */
    boolean stillToSend(long id) {
        return jdbc.sql("""
                select count(*) from questionnaire_mail m where m.id = :id and m.sent_at is null
                  and m.delivery = 'SMTP' and not exists (
                    select 1 from questionnaire_mail n where n.id > m.id
                      and ((m.wave_id is not null and n.wave_id = m.wave_id and n.respondent = m.respondent)
                        or (m.wave_id is null and n.wave_id is null and n.kind = m.kind and n.address = m.address
                          and (n.person_id = m.person_id or (n.person_id is null and m.person_id is null)))))""")
                .param("id", id).query(Long.class).single() > 0;
    }

    Optional<MailState> state(long id) {
        return jdbc.sql("select delivery, sent_at, failure from questionnaire_mail where id = :id").param("id", id)
                .query((rs, n) -> state(rs)).optional();
    }

    Optional<String> latestAddress(List<Long> waveIds, String respondent) {
        return jdbc.sql("""
                select address from questionnaire_mail where wave_id in (:w) and respondent = :r and address <> ''
                order by created_at desc, id desc""").param("w", waveIds).param("r", respondent)
                .query(String.class).list().stream().findFirst();
    }

    /** The latest mail to each respondent of these waves. */
    Map<Long, Map<String, MailNote>> latest(List<Long> waveIds, ZoneId zone) {
        Map<Long, Map<String, MailNote>> notes = new HashMap<>();
        if (waveIds.isEmpty()) {
            return notes;
        }
        jdbc.sql("""
                select wave_id, respondent, kind, delivery, sent_at, failure, created_at from questionnaire_mail
                where wave_id in (:w) order by id""").param("w", waveIds).query((rs, n) -> {
                    notes.computeIfAbsent(rs.getLong("wave_id"), k -> new HashMap<>()).put(
                            rs.getString("respondent"),
                            new MailNote(MailKind.valueOf(rs.getString("kind")), state(rs),
                                    LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), zone)));
                    return null;
                }).list();
        return notes;
    }

    List<OutboxEntry> outbox(int page, int size) {
        return jdbc.sql("select * from questionnaire_mail order by created_at desc, id desc limit :n offset :o")
                .param("n", size).param("o", (long) page * size).query(RecordedMails::entry).list();
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getObject("person_id", Long.class),
                MailKind.valueOf(rs.getString("kind")), rs.getString("respondent"), rs.getString("address"),
                MailLanguage.of(rs.getString("language")), rs.getString("subject"), rs.getString("body"), state(rs),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at")),
                rs.getString("failure"));
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql("select * from questionnaire_mail where id = :id").param("id", id).query(RecordedMails::entry)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from questionnaire_mail").query(Long.class).single();
    }

    private static Map<String, Object> params(NewMail mail) {
        var envelope = mail.envelope();
        Map<String, Object> p = new HashMap<>();
        p.put("wave", envelope.waveId());
        p.put("respondent", envelope.respondent());
        p.put("person", envelope.personId());
        p.put("kind", envelope.kind().name());
        p.put("address", envelope.address());
        p.put("language", envelope.language().code());
        p.put("subject", mail.subject());
        p.put("body", mail.body());
        p.put("delivery", mail.delivery().name());
        p.put("base", envelope.linkBase());
        p.put("by", envelope.createdBy());
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

package nl.jobcoachmonitor.measurement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.mail.MailLanguage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which questionnaire mails call for a reminder: reads the mails the mail module recorded (table
 * {@code questionnaire_mail}) against the waves and responses of this module. Sending the reminder, once, is the mail
 * module's ({@link nl.jobcoachmonitor.mail.Mails#sendOnce}).
 */
@Component
class QuestionnaireMails {

    private final JdbcClient jdbc;

    QuestionnaireMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivered invitation whose wave may be due for a reminder (checked again in the reminder's transaction). */
    record ReminderDue(long invitationId, long waveId, Respondent respondent, Long personId, String address,
            MailLanguage language, String linkBase) {
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
}

package nl.jobcoachmonitor.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail module's part of erasing a person: every mail about them (questionnaire invitations and reminders to them
 * or their employer contact, own-data and assessment links), with address and body. Mails with and without a wave
 * alike: each carries the person it concerns.
 */
@Component
public class MailErasure {

    private final JdbcClient jdbc;

    MailErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the caller's transaction (the erasure of one person is one transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(long personId) {
        jdbc.sql("delete from questionnaire_mail where person_id = :p").param("p", personId).update();
    }
}

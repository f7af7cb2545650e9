package nl.jobcoachmonitor.mail;

import java.time.Clock;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands mails to the mail server, after the transaction that recorded them has committed, and records
 * the outcome: {@code sent_at}, or the error (the mail stays in the outbox either way, nothing is lost).
 *
 * <p>There is a mail server when {@code spring.mail.host} is set: Spring Boot then provides a {@link JavaMailSender}.
 * Without one, in demo mode (the embedded default), nothing is sent and the outbox is where the mail is read, link
 * included ({@code jcm.mail.outbox-keeps-links}, by default on exactly in demo mode). Outside demo mode a mail without a
 * mail server is refused before anything is made: a working personal link is never kept where an administrator could
 * open it as the employee.
 *
 * <p>The mail with its working link exists only in memory, between the transaction and the SMTP conversation: it is
 * handed over through a transaction synchronization, not as an application event, so that no event publication
 * registry could ever store the token.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final RecordedMails mails;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final String from;
    private final boolean outboxKeepsLinks;

    MailDelivery(ObjectProvider<JavaMailSender> sender, RecordedMails mails,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${jcm.mail.from:Jobcoach Monitor <noreply@localhost>}") String from,
            @Value("${jcm.mail.outbox-keeps-links:${jcm.demo.enabled:false}}") boolean outboxKeepsLinks) {
        this.sender = sender;
        this.mails = mails;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
        this.outboxKeepsLinks = outboxKeepsLinks;
    }

    /** Whether a mail can reach anyone: through the mail server, or (demo mode only) through the outbox. */
    boolean deliverable() {
        return delivery() == RecordedMails.Delivery.SMTP || outboxKeepsLinks;
    }

    /** A recorded mail, ready to send: with the working link, so never logged or stored as it is. */
    record Outgoing(long id, MailKind kind, String address, String subject, String text, String html,
            Attachment attachment) {

        @Override
        public String toString() {
            return "mail " + id;
        }
    }

    /** How mails are kept: with the link when the outbox is the only delivery, without when a mail server sends them. */
    RecordedMails.Delivery delivery() {
        return sender.getIfAvailable() == null ? RecordedMails.Delivery.OUTBOX : RecordedMails.Delivery.SMTP;
    }

    /** The body as kept: with the link only when the outbox is the delivery (see migration V8). */
    String stored(Letter letter, String url) {
        return delivery() == RecordedMails.Delivery.OUTBOX ? letter.text(url) : letter.textWithoutLink();
    }

    /** Sends the mail once the current transaction has committed (at once outside a transaction). */
    void sendAfterCommit(Outgoing mail) {
        if (delivery() == RecordedMails.Delivery.OUTBOX) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(mail);
                }
            });
        } else {
            send(mail);
        }
    }

    private void send(Outgoing mail) {
        var smtp = sender.getObject();
        try {
            var message = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.address());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            if (mail.attachment() != null) {
                helper.addAttachment(mail.attachment().fileName(),
                        new org.springframework.core.io.ByteArrayResource(mail.attachment().content()),
                        mail.attachment().contentType());
            }
            if (mail.kind() == MailKind.REMINDER || mail.kind() == MailKind.MEETING_REMINDER) {
                message.setHeader("Auto-Submitted", "auto-generated");
            }
            smtp.send(message);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mail {} was not sent: {}", mail.id(), e.toString());
            String failure = e.getMessage() != null ? e.getMessage() : e.toString();
            newTransaction.executeWithoutResult(status -> mails.failed(mail.id(), failure));
            return;
        }
        newTransaction.executeWithoutResult(status -> mails.sent(mail.id(), clock.instant()));
    }
}

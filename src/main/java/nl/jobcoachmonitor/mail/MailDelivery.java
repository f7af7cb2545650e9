package nl.jobcoachmonitor.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands mails to the mail server, after the transaction that recorded them has committed, and records
 * the outcome: {@code sent_at}, or the error (the mail stays in the outbox either way, nothing is lost). A mail the
 * mail server did not take is sent again later, and an outcome the database could not take while it was away is
 * recorded once it is back, without sending the mail twice ({@link #retry}).
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
    private final Duration retryFor;
    private final Map<Long, Owed> outstanding = new ConcurrentHashMap<>();

    MailDelivery(ObjectProvider<JavaMailSender> sender, RecordedMails mails,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${jcm.mail.from:Jobcoach Monitor <noreply@localhost>}") String from,
            @Value("${jcm.mail.outbox-keeps-links:${jcm.demo.enabled:false}}") boolean outboxKeepsLinks,
            @Value("${jcm.mail.retry-for:PT24H}") Duration retryFor) {
        this.sender = sender;
        this.mails = mails;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
        this.outboxKeepsLinks = outboxKeepsLinks;
        this.retryFor = retryFor;
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
        deliver(mail, clock.instant());
    }

    /**
     * Hands the mail to the mail server and records the outcome. The mail stays owed (in memory, {@link Owed}) until
     * the mail server accepted it and that is recorded: a mail the server did not take is sent again by {@link #retry},
     * and an outcome the database could not take (it was away) is recorded there once it is back, without sending
     * the mail again. Never throws: the transaction that recorded the mail has committed, and its request succeeded.
     */
    private void deliver(Outgoing mail, Instant owedSince) {
        String failure = transmit(mail);
        Instant at = clock.instant();
        outstanding.put(mail.id(), new Owed(mail, failure == null ? at : null, owedSince));
        try {
            newTransaction.executeWithoutResult(status -> {
                if (failure == null) {
                    mails.sent(mail.id(), at);
                } else {
                    mails.failed(mail.id(), failure);
                }
            });
            if (failure == null) {
                outstanding.remove(mail.id());
            }
        } catch (RuntimeException e) {
            log.warn("Mail {}: its outcome ({}) could not be recorded, kept until the database is back: {}", mail.id(),
                    failure == null ? "sent" : "not sent", e.toString());
        }
    }

    /** The mail server's error, or null when it accepted the mail. */
    private String transmit(Outgoing mail) {
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
            return null;
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mail {} was not sent: {}", mail.id(), e.toString());
            return e.getMessage() != null ? e.getMessage() : e.toString();
        }
    }

    /**
     * A mail this instance still owes: not accepted by the mail server ({@code acceptedAt} null), or accepted and not
     * yet recorded as sent. Only in memory (it holds the working link); lost when the instance stops, which leaves the
     * mail {@code waiting} or {@code failed} in the outbox for the coach to send a new link.
     */
    private record Owed(Outgoing mail, Instant acceptedAt, Instant since) {
    }

    /**
     * Every {@code jcm.mail.retry-cron} (default: every 30 seconds): records the outcomes the database could not take,
     * and sends again the mails the mail server did not take, once the database says they are still to be sent (not
     * sent, not erased, no later mail with a new link for the same person and purpose), for at most
     * {@code jcm.mail.retry-for}. While the database is away nothing is sent: every owed mail waits for it.
     */
    @Scheduled(cron = "${jcm.mail.retry-cron:*/30 * * * * *}")
    void retry() {
        for (Owed owed : List.copyOf(outstanding.values())) {
            long id = owed.mail().id();
            try {
                if (owed.acceptedAt() != null) {
                    newTransaction.executeWithoutResult(status -> mails.sent(id, owed.acceptedAt()));
                    outstanding.remove(id);
                    log.info("Mail {}: recorded as sent at {} now that the database is back", id, owed.acceptedAt());
                    continue;
                }
                boolean toSend = Boolean.TRUE.equals(newTransaction.execute(status -> mails.stillToSend(id)));
                if (!toSend) {
                    outstanding.remove(id);
                    log.info("Mail {}: not sent again (sent, erased or followed by a newer mail)", id);
                } else if (clock.instant().isAfter(owed.since().plus(retryFor))) {
                    outstanding.remove(id);
                    log.warn("Mail {}: given up after {}; it stays failed in the outbox", id, retryFor);
                } else {
                    deliver(owed.mail(), owed.since());
                }
            } catch (RuntimeException e) {
                log.debug("Mail {}: the database is still away ({})", id, e.toString());
            }
        }
    }

    /** How many mails this instance still owes (sent again or recorded by {@link #retry}). */
    int owed() {
        return outstanding.size();
    }

    @PreDestroy
    void stopping() {
        if (!outstanding.isEmpty()) {
            log.warn("Stopping with {} mails not sent or not recorded as sent: {}", outstanding.size(),
                    outstanding.keySet());
        }
    }
}

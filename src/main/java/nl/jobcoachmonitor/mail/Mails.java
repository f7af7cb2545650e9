package nl.jobcoachmonitor.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.trajectory.TrajectoryParties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail module's API: compose a mail from a {@link MailTemplate} in a language, send it (or keep it in the
 * administrator's outbox when no mail server is configured), and tell where a mail stands. Every mail is recorded
 * in the caller's transaction and handed to the mail server only after it commits ({@link MailDelivery}); its body is
 * kept with the working link only when the outbox is the delivery (see migration V8).
 */
@Service
public class Mails {

    private final MailComposer composer;
    private final RecordedMails recorded;
    private final MailDelivery delivery;
    private final PersonalDataAccess access;
    private final Clock clock;

    Mails(MailComposer composer, RecordedMails recorded, MailDelivery delivery, PersonalDataAccess access,
            Clock clock) {
        this.composer = composer;
        this.recorded = recorded;
        this.delivery = delivery;
        this.access = access;
        this.clock = clock;
    }

    /** The mail's texts in this language, about this trajectory's people, with a link that works until {@code lastDay}. */
    public Letter compose(MailTemplate template, MailLanguage language, TrajectoryParties parties, LocalDate lastDay) {
        return composer.letter(template, language, parties, lastDay);
    }

    /**
     * A letter without a personal link, about this trajectory (the accountability report to the commissioner): the
     * texts get {@code extra} as {6}, {7}, ... after the usual arguments (see {@link MailTemplate}).
     */
    public Letter composeWithoutLink(MailTemplate template, MailLanguage language, TrajectoryParties parties,
            Object... extra) {
        return composer.letter(template, language, parties, null, extra);
    }

    /**
     * A letter to a staff member about no trajectory (the knowledge circle's mails): every text gets {@code args} as
     * {0}, {1}, ...; signed with the text {@code signatureKey}.
     */
    public Letter composeForStaff(MailTemplate template, MailLanguage language, String signatureKey, Object... args) {
        return composer.letter(template, language, signatureKey, args);
    }

    /**
     * Whether a mail can reach anyone now: through the mail server, or in demo mode through the outbox. A caller
     * whose own work must not roll back for want of a mail server asks this before {@link #send}.
     */
    public boolean deliverable() {
        return delivery.deliverable();
    }

    /**
     * As {@link #sendWithAttachment(Envelope, Letter, Attachment)}, with a link in the text that is no secret (a page
     * the addressee opens after signing in), kept as {@link #send} keeps links.
     */
    @Transactional
    public long sendWithAttachment(Envelope envelope, Letter letter, String link, Attachment attachment) {
        if (!delivery.deliverable()) {
            throw new DomainRuleViolation("address", "mail.noServer");
        }
        long id = recorded.insert(new RecordedMails.NewMail(envelope, letter.subject(), delivery.stored(letter, link),
                delivery.delivery(), clock.instant()));
        access.created("questionnaire_mail", id, envelope.personId());
        delivery.sendAfterCommit(new MailDelivery.Outgoing(id, envelope.kind(), envelope.address(), letter.subject(),
                letter.text(link), composer.html(letter, link), attachment));
        return id;
    }

    /**
     * Records a mail without a link and sends it with the attachment once the current transaction has committed. The
     * record keeps the text, never the attachment. Without a mail server the mail is kept in the outbox (demo mode) or
     * refused ({@code mail.noServer}, as {@link #send}).
     */
    @Transactional
    public long sendWithAttachment(Envelope envelope, Letter letter, Attachment attachment) {
        if (!delivery.deliverable()) {
            throw new DomainRuleViolation("address", "mail.noServer");
        }
        long id = recorded.insert(new RecordedMails.NewMail(envelope, letter.subject(), letter.text(""),
                delivery.delivery(), clock.instant()));
        access.created("questionnaire_mail", id, envelope.personId());
        delivery.sendAfterCommit(new MailDelivery.Outgoing(id, envelope.kind(), envelope.address(), letter.subject(),
                letter.text(""), composer.html(letter, ""), attachment));
        return id;
    }

    /** The HTML alternative of a letter with this link (the plain-text part is {@link Letter#text}). */
    public String html(Letter letter, String link) {
        return composer.html(letter, link);
    }

    /**
     * Records the mail and sends it once the current transaction has committed (kept in the outbox only, without a
     * mail server). The record is a creation of the concerned person's data in the access log. Returns its id.
     *
     * @throws DomainRuleViolation {@code mail.noServer} (field {@code address}) when no mail server is configured
     *         outside demo mode: nothing is recorded, and the caller's transaction (which made the link) rolls back
     */
    @Transactional
    public long send(Envelope envelope, Letter letter, String link) {
        if (!delivery.deliverable()) {
            throw new DomainRuleViolation("address", "mail.noServer");
        }
        long id = recorded.insert(new RecordedMails.NewMail(envelope, letter.subject(), delivery.stored(letter, link),
                delivery.delivery(), clock.instant()));
        sent(id, envelope, letter, link);
        return id;
    }

    /**
     * The one mail of its kind for this wave and respondent (a reminder): claims it with a conditional insert, and only
     * then asks for the link (making one may revoke an earlier link) and sends it as {@link #send}. Empty when another
     * run or instance claimed it first, or when no mail server is configured outside demo mode (then no link is made).
     */
    @Transactional
    public Optional<Long> sendOnce(Envelope envelope, Letter letter, Supplier<String> link) {
        if (!delivery.deliverable()) {
            return Optional.empty();
        }
        var claimed = recorded.claimReminder(new RecordedMails.NewMail(envelope, "", "", delivery.delivery(),
                clock.instant()));
        if (claimed.isEmpty()) {
            return claimed;
        }
        String url = link.get();
        recorded.fill(claimed.get(), letter.subject(), delivery.stored(letter, url));
        sent(claimed.get(), envelope, letter, url);
        return claimed;
    }

    @Transactional(readOnly = true)
    public Optional<MailState> state(long mailId) {
        return recorded.state(mailId);
    }

    /**
     * The address the latest mail to this respondent of these waves went to, so that the next wave's invitation to the
     * employer contact starts from it. Empty when there was none (or its address was erased).
     */
    @Transactional(readOnly = true)
    public Optional<String> latestAddress(List<Long> waveIds, String respondent) {
        return waveIds.isEmpty() ? Optional.empty() : recorded.latestAddress(waveIds, respondent);
    }

    /** The latest mail to each respondent ({@code EMPLOYEE}, {@code EMPLOYER}) of these waves. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, MailNote>> latestPerWave(List<Long> waveIds, ZoneId zone) {
        return recorded.latest(waveIds, zone);
    }

    /** A page of the outbox, newest first; every mail shown is a read of the person it is about. */
    @Transactional(readOnly = true)
    List<RecordedMails.OutboxEntry> outbox(int page, int size) {
        var entries = recorded.outbox(page, size);
        entries.forEach(e -> access.read("questionnaire_mail", e.id(), e.personId()));
        return entries;
    }

    @Transactional(readOnly = true)
    long outboxSize() {
        return recorded.count();
    }

    boolean viaMailServer() {
        return delivery.delivery() == RecordedMails.Delivery.SMTP;
    }

    /** Whether the outbox may show working links: only in demo mode without a mail server. */
    boolean outboxShowsLinks() {
        return !viaMailServer() && delivery.deliverable();
    }

    /**
     * An administrator follows the personal link of a mail kept in the outbox (demo mode only): the mail's working
     * link, logged as the administrator reading that person's link. Empty for another mail or outside demo mode (the
     * caller answers 404, which is logged as refused).
     */
    @Transactional(readOnly = true)
    Optional<String> openFromOutbox(long mailId, Function<String, Optional<String>> linkIn) {
        var mail = recorded.find(mailId).filter(m -> m.state() == MailState.OUTBOX && outboxShowsLinks());
        var link = mail.flatMap(m -> linkIn.apply(m.body()));
        link.ifPresent(l -> access.read("personal_link", mailId, mail.get().personId()));
        return link;
    }

    private void sent(long id, Envelope envelope, Letter letter, String link) {
        access.created("questionnaire_mail", id, envelope.personId());
        delivery.sendAfterCommit(new MailDelivery.Outgoing(id, envelope.kind(), envelope.address(), letter.subject(),
                letter.text(link), composer.html(letter, link), null));
    }
}

package nl.jobcoachmonitor.identity;

import java.time.LocalDate;

/**
 * Mails a new staff member the link to set their own password. Implemented by the mail module (which uses identity,
 * so identity names only this interface).
 */
public interface InvitationMailer {

    /**
     * Records the mail and sends it after the transaction commits; the link is {@code linkBase + "/invitation/" +
     * token}.
     *
     * @throws nl.jobcoachmonitor.shared.DomainRuleViolation {@code mail.noServer} when no mail can be sent
     */
    long sendInvitation(CurrentUser administrator, String address, String name, String username, String linkBase,
            String token, LocalDate lastDay, String languageCode);
}

package nl.jobcoachmonitor.shared;

/**
 * A domain rule refused a change. The message key is resolved in the user's language and shown
 * at the field named by {@code field}.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String field;
    private final String messageKey;

    public DomainRuleViolation(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}

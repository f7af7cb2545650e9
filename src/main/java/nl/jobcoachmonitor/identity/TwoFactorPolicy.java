package nl.jobcoachmonitor.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether staff must use a second factor: {@code jcm.security.two-factor=required} (the default) or {@code optional}
 * (staff are prompted to enrol; those who did are asked for their code). Unset with the demo data on, it is optional,
 * so a newcomer can log in with the demo accounts.
 */
@Component
public class TwoFactorPolicy {

    private final boolean required;

    TwoFactorPolicy(@Value("${jcm.security.two-factor:}") String setting,
            @Value("${jcm.demo.enabled:false}") boolean demo) {
        this.required = switch (setting.trim().toLowerCase()) {
            case "optional" -> false;
            case "required" -> true;
            case "" -> !demo;
            default -> throw new IllegalStateException("jcm.security.two-factor must be required or optional, not "
                    + setting);
        };
    }

    public boolean required() {
        return required;
    }
}

package nl.jobcoachmonitor.identity;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The one place modules report access to personal data; the audit module keeps the record. */
@Component
public class PersonalDataAccess {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonalDataAccess(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void read(String objectType, Object objectId, Long personId) {
        publish(AccessAction.READ, objectType, objectId, personId, true);
    }

    public void searched(String objectType, String description) {
        publish(AccessAction.SEARCH, objectType, description, null, true);
    }

    public void created(String objectType, Object objectId, Long personId) {
        publish(AccessAction.CREATE, objectType, objectId, personId, true);
    }

    public void changed(String objectType, Object objectId, Long personId) {
        publish(AccessAction.CHANGE, objectType, objectId, personId, true);
    }

    /**
     * Personal data left the application in an export: one event per export, the id naming what was exported and how
     * many persons it held (e.g. {@code "project 3: 42 persons"}).
     */
    public void exported(String objectType, Object objectId) {
        publish(AccessAction.EXPORT, objectType, objectId, null, true);
    }

    /** A request for something outside the user's scope (answered 404 or 403). */
    public void denied(String objectType, Object objectId) {
        publish(AccessAction.READ, objectType, objectId, null, false);
    }

    private void publish(AccessAction action, String objectType, Object objectId, Long personId, boolean allowed) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String username = auth == null ? null : auth.getName();
        Role role = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u.role() : null;
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                ? r.getRequest().getRemoteAddr() : null;
        String id = objectId == null ? null : truncate(String.valueOf(objectId));
        events.publishEvent(new PersonalDataAccessed(clock.instant(), username, role, action, objectType, id,
                personId, allowed, address));
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}

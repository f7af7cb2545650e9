package nl.jobcoachmonitor.identity;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place modules report access to personal data; the audit module keeps the record (NEN 7513 style: what,
 * when, who in which role, on whose behalf, whose data, which object, from where, allowed or refused).
 *
 * <p>Who: the signed-in staff member. A request by personal link (the employee's own questionnaire or own-data page)
 * has no signed-in user: call {@link #onBehalfOf(OnBehalfOf)} first in that request, so its accesses are logged on
 * behalf of the employee (or employer contact). Without a request (a scheduled job) it is the system.
 */
@Component
public class PersonalDataAccess {

    private static final String ON_BEHALF_OF = PersonalDataAccess.class.getName() + ".onBehalfOf";

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

    /**
     * A search that read data held by this organisation (e.g. the study report over its trajectories), so that the
     * organisation's privacy officer finds it; call it once per organisation the search touched.
     */
    public void searched(String objectType, String description, long organisationId) {
        publish(AccessAction.SEARCH, objectType, description, null, true, organisationId);
    }

    /**
     * A staff account created or changed by an administrator (rights, password, block, second factor): it changes who
     * can see an organisation's data, so the event carries the account's organisation ({@code null}: none) and that
     * organisation's privacy officer finds it. Call it once per organisation concerned (the old and the new one).
     */
    public void accountAdministered(AccessAction action, Object objectId, Long organisationId) {
        publish(action, "app_user", objectId, null, true, organisationId);
    }

    public void created(String objectType, Object objectId, Long personId) {
        publish(AccessAction.CREATE, objectType, objectId, personId, true);
    }

    public void changed(String objectType, Object objectId, Long personId) {
        publish(AccessAction.CHANGE, objectType, objectId, personId, true);
    }

    /** A person's data deleted or erased (on request, or by the retention job). */
    public void deleted(String objectType, Object objectId, Long personId) {
        publish(AccessAction.DELETE, objectType, objectId, personId, true);
    }

    /**
     * A person's data exported (a research export, the employee's own-data download). For an export of many persons,
     * call it once per person, so each person's log shows it.
     */
    public void exported(String objectType, Object objectId, Long personId) {
        publish(AccessAction.EXPORT, objectType, objectId, personId, true);
    }

    /**
     * Personal data left the application in an export: one event per export, the id naming what was exported and how
     * many persons it held (e.g. {@code "project 3: 42 persons"}).
     */
    public void exported(String objectType, Object objectId) {
        publish(AccessAction.EXPORT, objectType, objectId, null, true);
    }

    /**
     * The data of these persons (employees of {@code organisationId}) exported together, e.g. in a full export of the
     * organisation: one access log row per person, as {@link #exported(String, Object, Long)} would write, but written
     * in batches. Call it with chunks of ids (a thousand or so) to keep memory flat for a large organisation.
     */
    public void exportedEach(String objectType, Object objectId, java.util.List<Long> personIds, long organisationId) {
        if (personIds.isEmpty()) {
            return;
        }
        events.publishEvent(new PersonalDataAccessedInBulk(
                event(AccessAction.EXPORT, objectType, objectId, null, true, organisationId), personIds));
    }

    /**
     * An import of an organisation's data (issue 14): one event per import, the id saying what came in; the persons it
     * touched are logged one by one with {@link #created} or {@link #changed}.
     */
    public void imported(Object objectId, long organisationId) {
        publish(AccessAction.CREATE, "import", objectId, null, true, organisationId);
    }

    /**
     * A request for something outside the user's scope (answered 404 or 403). The action is what the request's
     * method would have done: a GET reads, a DELETE deletes, anything else changes.
     */
    public void denied(String objectType, Object objectId) {
        String method = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                ? r.getRequest().getMethod() : "GET";
        AccessAction action = switch (method) {
            case "GET", "HEAD", "OPTIONS" -> AccessAction.READ;
            case "DELETE" -> AccessAction.DELETE;
            default -> AccessAction.CHANGE;
        };
        publish(action, objectType, objectId, null, false);
    }

    /**
     * Marks the current request as made through a personal link by the employee themself ({@link OnBehalfOf#EMPLOYEE})
     * or the employer contact ({@link OnBehalfOf#EMPLOYER_CONTACT}); the request's further accesses are logged so.
     */
    public void onBehalfOf(OnBehalfOf who) {
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ON_BEHALF_OF, who, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private void publish(AccessAction action, String objectType, Object objectId, Long personId, boolean allowed) {
        publish(action, objectType, objectId, personId, allowed, null);
    }

    private void publish(AccessAction action, String objectType, Object objectId, Long personId, boolean allowed,
            Long dataOrganisationId) {
        events.publishEvent(event(action, objectType, objectId, personId, allowed, dataOrganisationId));
    }

    private PersonalDataAccessed event(AccessAction action, String objectType, Object objectId, Long personId,
            boolean allowed, Long dataOrganisationId) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
        var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r ? r : null;
        String address = request == null ? null : request.getRequest().getRemoteAddr();
        OnBehalfOf onBehalfOf;
        if (user != null) {
            onBehalfOf = OnBehalfOf.of(user.role());
        } else if (request == null) {
            onBehalfOf = OnBehalfOf.SYSTEM;
        } else if (request.getAttribute(ON_BEHALF_OF, RequestAttributes.SCOPE_REQUEST) instanceof OnBehalfOf who) {
            onBehalfOf = who;
        } else {
            onBehalfOf = OnBehalfOf.ANONYMOUS;
        }
        String id = objectId == null ? null : truncate(String.valueOf(objectId));
        return new PersonalDataAccessed(clock.instant(), user == null ? null : user.getUsername(),
                user == null ? null : user.role(), action, objectType, id, personId, allowed, address,
                user == null ? null : user.id(), user == null ? null : user.organisationId(), onBehalfOf,
                dataOrganisationId);
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}

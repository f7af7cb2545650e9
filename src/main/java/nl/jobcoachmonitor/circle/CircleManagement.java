package nl.jobcoachmonitor.circle;

import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knowledge circles and their organisers: the administrator creates a circle and appoints its organiser, any staff
 * member (the organiser capability follows at their next sign-in, see {@link CurrentUser#isCircleOrganiser()}).
 * Who organises which circle decides who plans its meetings and writes its cards.
 */
@Service
@Transactional
public class CircleManagement {

    private static final String ROWS = """
            select c.id, c.name, c.organiser_id, u.display_name, u.username from circle c
            join app_user u on u.id = c.organiser_id""";

    private final JdbcClient jdbc;
    private final PersonalDataAccess access;

    CircleManagement(JdbcClient jdbc, PersonalDataAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<CircleRow> all() {
        return jdbc.sql(ROWS + " order by lower(c.name), c.id").query(CircleManagement::row).list();
    }

    /** The circles this user organises (none for most users). */
    @Transactional(readOnly = true)
    public List<CircleRow> organisedBy(CurrentUser user) {
        return jdbc.sql(ROWS + " where c.organiser_id = :u order by lower(c.name), c.id").param("u", user.id())
                .query(CircleManagement::row).list();
    }

    /** Whether this user organises this circle. */
    @Transactional(readOnly = true)
    public boolean organises(CurrentUser user, long circleId) {
        return jdbc.sql("select count(*) from circle where id = :c and organiser_id = :u").param("c", circleId)
                .param("u", user.id()).query(Long.class).single() > 0;
    }

    /**
     * A new circle organised by the staff member with this user name.
     *
     * @throws DomainRuleViolation {@code organiser} when no enabled staff account has that name, {@code name} when
     *         a circle has that name already
     */
    public long create(CurrentUser administrator, CircleForm form) {
        long organiser = staffMember(form.organiser());
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into circle (name, organiser_id) values (:n, :o)").param("n", form.name().strip())
                    .param("o", organiser).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("name", "circle.name.taken");
        }
        long id = keys.getKey().longValue();
        access.created("circle", id, null);
        return id;
    }

    /** Appoints another organiser of this circle (the one circle has one). */
    public void appoint(CurrentUser administrator, long circleId, String username) {
        long organiser = staffMember(username);
        int changed = jdbc.sql("update circle set organiser_id = :o, version = version + 1 where id = :c")
                .param("o", organiser).param("c", circleId).update();
        if (changed == 0) {
            throw new NotFoundException("circle", circleId);
        }
        access.changed("circle", circleId, null);
    }

    /** The id of the enabled account with this user name (the circle module reads app_user's name only). */
    private long staffMember(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("select id from app_user where username = :u and enabled = true").param("u", name)
                .query(Long.class).optional()
                .orElseThrow(() -> new DomainRuleViolation("organiser", "circle.organiser.unknown"));
    }

    private static CircleRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CircleRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }
}

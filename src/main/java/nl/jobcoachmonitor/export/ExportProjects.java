package nl.jobcoachmonitor.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Export projects and their downloads. Every read names its scope: the creator or the organisation. */
@Component
class ExportProjects {

    private static final String SELECT = "select p.*, o.name as organisation_name, c.name as commissioner_name, "
            + "cu.display_name as created_by_name, au.display_name as approved_by_name, "
            + "ru.display_name as rejected_by_name from export_project p "
            + "join organisation o on o.id = p.organisation_id left join commissioner c on c.id = p.commissioner_id "
            + "join app_user cu on cu.id = p.created_by left join app_user au on au.id = p.approved_by "
            + "left join app_user ru on ru.id = p.rejected_by ";

    private final JdbcClient jdbc;

    ExportProjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(ProjectForm form, String secret, long createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into export_project (name, purpose, organisation_id, commissioner_id, started_from, "
                + "started_to, waves, secret, created_by, created_at) values (:name, :purpose, :org, :com, :from, "
                + ":to, :waves, :secret, :by, :at)").param("name", form.name().strip())
                .param("purpose", form.purpose().strip()).param("org", form.organisationId())
                .param("com", form.commissionerId()).param("from", form.startedFrom() == null ? null : form.startedFrom().atDay(1))
                .param("to", form.startedTo() == null ? null : form.startedTo().atEndOfMonth())
                .param("waves", String.join(",", form.waves())).param("secret", secret).param("by", createdBy)
                .param("at", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ExportProject> ofCreator(long userId) {
        return jdbc.sql(SELECT + "where p.created_by = :u order by p.id desc").param("u", userId)
                .query(ExportProjects::project).list();
    }

    Optional<ExportProject> ofCreator(long userId, long id) {
        return jdbc.sql(SELECT + "where p.created_by = :u and p.id = :id").param("u", userId).param("id", id)
                .query(ExportProjects::project).optional();
    }

    List<ExportProject> ofOrganisation(long organisationId) {
        return jdbc.sql(SELECT + "where p.organisation_id = :o order by p.id desc").param("o", organisationId)
                .query(ExportProjects::project).list();
    }

    /** Rejects a project of this organisation that was neither approved nor rejected yet; false otherwise. */
    boolean reject(long organisationId, long id, long managerId, Instant now, String reason) {
        return jdbc.sql("update export_project set rejected_by = :m, rejected_at = :at, rejection_reason = :r "
                + "where id = :id and organisation_id = :o and approved_at is null and rejected_at is null")
                .param("m", managerId).param("at", Timestamp.from(now)).param("r", reason).param("id", id)
                .param("o", organisationId).update() == 1;
    }

    /** Projects of this organisation waiting for a manager (the badge in the navigation). */
    long waitingFor(long organisationId) {
        return jdbc.sql("select count(*) from export_project where organisation_id = :o and approved_at is null "
                + "and rejected_at is null").param("o", organisationId).query(Long.class).single();
    }

    /** Approves a project of this organisation that was neither approved nor rejected yet; false otherwise. */
    boolean approve(long organisationId, long id, long managerId, Instant now) {
        return jdbc.sql("update export_project set approved_by = :m, approved_at = :at where id = :id "
                + "and organisation_id = :o and approved_at is null and rejected_at is null").param("m", managerId)
                .param("at", Timestamp.from(now)).param("id", id).param("o", organisationId).update() == 1;
    }

    void downloaded(long projectId, long userId, Instant now, String fileName, int trajectories, int persons,
            String sha256) {
        jdbc.sql("insert into export_download (project_id, downloaded_by, downloaded_at, file_name, trajectories, "
                + "persons, sha256) values (:p, :u, :at, :f, :t, :n, :h)").param("p", projectId).param("u", userId)
                .param("at", Timestamp.from(now)).param("f", fileName).param("t", trajectories).param("n", persons)
                .param("h", sha256).update();
    }

    List<ExportDownload> downloads(long projectId) {
        return jdbc.sql("select d.*, u.display_name from export_download d join app_user u on u.id = d.downloaded_by "
                + "where d.project_id = :p order by d.id desc").param("p", projectId)
                .query((rs, n) -> new ExportDownload(rs.getTimestamp("downloaded_at").toLocalDateTime(),
                        rs.getString("display_name"), rs.getString("file_name"), rs.getInt("trajectories"),
                        rs.getInt("persons"), rs.getString("sha256")))
                .list();
    }

    private static YearMonth month(LocalDate day) {
        return day == null ? null : YearMonth.from(day);
    }

    private static ExportProject project(ResultSet rs, int n) throws SQLException {
        return new ExportProject(rs.getLong("id"), rs.getString("name"), rs.getString("purpose"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"),
                rs.getObject("commissioner_id", Long.class), rs.getString("commissioner_name"),
                month(rs.getObject("started_from", LocalDate.class)),
                month(rs.getObject("started_to", LocalDate.class)),
                Arrays.asList(rs.getString("waves").split(",")), rs.getString("secret"), rs.getLong("created_by"),
                rs.getString("created_by_name"), rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getObject("approved_by", Long.class), rs.getString("approved_by_name"),
                rs.getTimestamp("approved_at") == null ? null : rs.getTimestamp("approved_at").toLocalDateTime(),
                rs.getString("rejected_by_name"),
                rs.getTimestamp("rejected_at") == null ? null : rs.getTimestamp("rejected_at").toLocalDateTime(),
                rs.getString("rejection_reason"));
    }
}

package nl.jobcoachmonitor.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Trajectories and addresses of their own for the mail tests (the GreenMail server and the database are shared). */
final class MailTestSupport {

    /** A personal link in a mail: the token is group 1. */
    static final Pattern LINK = Pattern.compile("http://localhost(?::\\d+)?/q/([A-Za-z0-9_-]{43})\\?lang=(nl|en)");

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final TrajectoryManagement trajectories;
    private final UserDetailsService users;
    private final JdbcClient jdbc;

    MailTestSupport(TrajectoryManagement trajectories, UserDetailsService users, JdbcClient jdbc) {
        this.trajectories = trajectories;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** An address nobody else in this test JVM uses. */
    static String address(String name) {
        return name + "." + System.nanoTime() + "." + NEXT.incrementAndGet() + "@voorbeeld.nl";
    }

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername("coach");
    }

    /** A trajectory of "coach" coached on the job since {@code startedOn}: its T0 is due that day. */
    Trajectory start(String firstName, String lastName, String email, LocalDate startedOn) {
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        long id = trajectories.start(coach(), new StartTrajectoryForm(null, firstName, lastName,
                LocalDate.of(1998, 4, 2), email, null, commissioner, TrajectoryPhase.COACHING, startedOn, null,
                "Fietsenmakerij De Spaak", "Monteur", new BigDecimal("24"), ContractType.TEMPORARY, startedOn, null));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", id).query(Long.class).single();
        return new Trajectory(id, wave);
    }

    record Trajectory(long id, long t0) {
    }

    static String token(String text) {
        var m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no personal link in: " + text);
        }
        return m.group(1);
    }
}

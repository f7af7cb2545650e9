package nl.jobcoachmonitor;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * A connection as the schema's owner (the role Flyway migrates with), for the few tests that change the schema or
 * tamper with the access log on purpose. The application itself connects as a role that owns nothing; a test that
 * needs more than the application may do uses this, not the application's own connection.
 */
@Component
public class OwnerDatabase {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public OwnerDatabase(Environment environment) {
        String url = environment.getProperty("spring.flyway.url", environment.getRequiredProperty("spring.datasource.url"));
        String user = environment.getProperty("spring.flyway.user",
                environment.getRequiredProperty("spring.datasource.username"));
        String password = environment.getProperty("spring.flyway.password",
                environment.getProperty("spring.datasource.password", ""));
        this.dataSource = new DriverManagerDataSource(url, user, password);
        this.jdbc = JdbcClient.create(dataSource);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public boolean postgres() {
        try (var connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

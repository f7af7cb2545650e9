package nl.jobcoachmonitor.circle.live;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL's LISTEN/NOTIFY when the database is PostgreSQL; otherwise (H2, one instance) in-process. */
@Configuration
class LiveChannelConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    LiveChannel liveChannel(DataSource dataSource, DataSourceProperties properties, JdbcClient jdbc,
            LiveBroadcaster broadcaster) throws SQLException {
        String product;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return new PostgresLiveChannel(jdbc, broadcaster, properties.determineUrl(),
                    properties.determineUsername(), properties.determinePassword());
        }
        return new LocalLiveChannel(broadcaster);
    }
}

package nl.jobcoachmonitor.circle.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL {@code LISTEN/NOTIFY}. Publishing is {@code pg_notify} in the transaction that stored the change, so
 * PostgreSQL delivers it at commit, to every instance, and never for a rollback. Each instance listens on a dedicated
 * connection of its own (not one of the pool's), polled with {@link PGConnection#getNotifications(int)} by one daemon
 * thread, which hands each change to the instance's {@link LiveBroadcaster}. When the connection breaks it reconnects
 * and refreshes every open session, since notifications sent meanwhile are lost.
 */
final class PostgresLiveChannel implements LiveChannel {

    static final String CHANNEL = "jcm_circle_live";

    private static final Logger log = LoggerFactory.getLogger(PostgresLiveChannel.class);

    private final JdbcClient jdbc;
    private final LiveBroadcaster broadcaster;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    PostgresLiveChannel(JdbcClient jdbc, LiveBroadcaster broadcaster, String url, String username, String password) {
        this.jdbc = jdbc;
        this.broadcaster = broadcaster;
        this.url = url;
        if (username != null) {
            credentials.setProperty("user", username);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("ApplicationName", "jcm-circle-live-listener");
    }

    @Override
    public void publish(LiveChange change) {
        jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", change.payload())
                .query((rs, n) -> 1).list();
    }

    @Override
    public synchronized void start() {
        running = true;
        try {
            connection = listen(); // listening before the application takes requests
        } catch (SQLException e) {
            log.warn("Live session listener could not connect yet; retrying", e);
        }
        listener = new Thread(this::loop, "circle-live-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private Connection listen() throws SQLException {
        Connection c = DriverManager.getConnection(url, credentials);
        try (Statement s = c.createStatement()) {
            s.execute("listen " + CHANNEL);
        }
        return c;
    }

    private void loop() {
        while (running) {
            try {
                Connection c = connection;
                if (c == null) {
                    c = listen();
                    connection = c;
                    broadcaster.refreshAll(); // whatever was announced while we were away
                }
                PGNotification[] notifications = c.unwrap(PGConnection.class).getNotifications(1000);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        LiveChange change = LiveChange.parse(n.getParameter());
                        if (change != null) {
                            broadcaster.changed(change);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Live session listener lost its connection; reconnecting", e);
                closeQuietly();
                sleep();
            } catch (RuntimeException e) {
                log.error("Live session listener: a change could not be handled", e);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }
}

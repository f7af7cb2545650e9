package nl.jobcoachmonitor.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's form of the append-only rule of {@code audit_event} (see the migration V11): every update or delete fails. */
public class AppendOnly implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "42501");
    }
}

package nl.jobcoachmonitor.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The staging tables of one import, temporary tables of the import's connection (dropped at commit on PostgreSQL,
 * emptied at the start on H2), and how rows get into them: on PostgreSQL through {@code COPY … FROM STDIN} (pgjdbc's
 * copy API, rows streamed as they are read), on H2 in JDBC batches.
 */
final class ImportStage {

    /** Ids resolved during the import, per kind (the columns after the file's own). */
    static List<String> extraColumns(ImportKind kind) {
        return switch (kind) {
            case TRAJECTORIES -> List.of("employee_id", "coach_id", "commissioner_id", "employer_id");
            case PHASE_CHANGES, CONTACTS, ANSWERS, GOALS -> List.of("trajectory_id");
            case JOB_CHANGES -> List.of("trajectory_id", "employer_id");
            default -> List.of();
        };
    }

    /** The staging column of a file column ({@code value} is a reserved word in H2). */
    static String column(ImportColumn column) {
        return column.name().equals("value") ? "answer_value" : column.name();
    }

    private final Connection connection;
    private final boolean postgres;

    ImportStage(Connection connection, boolean postgres) {
        this.connection = connection;
        this.postgres = postgres;
    }

    boolean postgres() {
        return postgres;
    }

    /**
     * PostgreSQL, for this transaction only ({@code set local}): memory for the set-based steps' hashes and sorts over
     * a million staging rows ({@code work_mem}), and room for the staging tables themselves in the session's local
     * buffers ({@code temp_buffers}, 8 MB by default: a million contacts are some 150 MB, written out and read back
     * on every pass otherwise). PostgreSQL takes {@code temp_buffers} only before the session's first temporary table:
     * on a pooled connection that an earlier import used with another size it refuses, harmlessly (a savepoint).
     */
    void tune() throws SQLException {
        if (!postgres) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local work_mem = '" + WORK_MEM + "'");
            var savepoint = connection.setSavepoint();
            try {
                statement.execute("set local temp_buffers = '" + TEMP_BUFFERS + "'");
                connection.releaseSavepoint(savepoint);
            } catch (SQLException refused) {
                connection.rollback(savepoint);
            }
        }
    }

    static final String WORK_MEM = "256MB";
    static final String TEMP_BUFFERS = "512MB";

    /**
     * Creates (or empties) the staging tables, and the table of theme bits for the themes of a contact. The kinds in
     * {@code allNew} (on PostgreSQL: nothing of the kind was imported into the organisation before, so every row is
     * new) take their ids from {@code table}'s sequence as they are copied in, instead of in a pass of their own
     * later (the map gives the kind's table). Ids of an import that is not stored are lost, as sequence values
     * are.
     */
    void create(List<String> themes, java.util.Map<ImportKind, String> allNew) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (ImportKind kind : ImportKind.values()) {
                var columns = new StringJoiner(", ");
                columns.add("rn integer not null");
                kind.columns().forEach(c -> columns.add(column(c) + " " + c.sqlType()));
                String table = allNew.get(kind);
                columns.add("internal_id bigint" + (postgres && table != null ? " default nextval('"
                        + sequence(table) + "'::regclass)" : ""));
                columns.add("state varchar(1) default 'N'");
                extraColumns(kind).forEach(c -> columns.add(c + " bigint"));
                create(statement, kind.stage(), columns.toString());
            }
            create(statement, "import_stage_theme", "theme varchar(40) not null, bit bigint not null");
            create(statement, ImportOrganisationKinds.CONTACT_GOALS, ImportOrganisationKinds.CONTACT_GOAL_COLUMNS);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into import_stage_theme (theme, bit) values (?, ?)")) {
                for (int i = 0; i < themes.size(); i++) {
                    insert.setString(1, themes.get(i));
                    insert.setLong(2, 1L << i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** The identity sequence of a table's id, qualified ({@code public.contact_id_seq}). */
    private String sequence(String table) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_get_serial_sequence(?, 'id')")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private void create(Statement statement, String table, String columns) throws SQLException {
        if (postgres) {
            statement.execute("create temporary table " + table + " (" + columns + ") on commit drop");
        } else {
            // H2: a temporary table of this connection; TRANSACTIONAL, so creating it does not commit the import
            statement.execute("create local temporary table if not exists " + table + " (" + columns
                    + ") transactional");
            statement.execute("delete from " + table);
        }
    }

    /** After loading: statistics for the planner (no autovacuum looks at temporary tables). */
    void analyze() throws SQLException {
        if (postgres) {
            try (Statement statement = connection.createStatement()) {
                for (ImportKind kind : ImportKind.values()) {
                    statement.execute("analyze " + kind.stage());
                }
            }
        }
    }

    /** Statistics of one staging table again, after its ids were filled in. */
    void analyze(ImportKind kind) {
        if (postgres) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze " + kind.stage());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A writer of one kind's rows: {@code add} each row, then {@code close}. */
    Writer writer(ImportKind kind) throws SQLException {
        var names = new StringJoiner(", ");
        names.add("rn");
        kind.columns().forEach(c -> names.add(column(c)));
        return postgres ? new CopyWriter(kind, names.toString()) : new BatchWriter(kind, names.toString());
    }

    interface Writer extends AutoCloseable {
        void add(int rowNumber, Object[] values) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** COPY in text format: tab-separated, \N for null, backslash escapes. Sent in chunks of 64 kB. */
    private final class CopyWriter implements Writer {

        private final CopyIn copy;
        private final StringBuilder chunk = new StringBuilder(1 << 17);

        CopyWriter(ImportKind kind, String names) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + kind.stage() + " (" + names + ") from stdin");
        }

        @Override
        public void add(int rowNumber, Object[] values) throws SQLException {
            chunk.append(rowNumber);
            for (Object value : values) {
                chunk.append('\t');
                if (value == null) {
                    chunk.append("\\N");
                } else if (value instanceof String text) {
                    escape(text);
                } else if (value instanceof BigDecimal decimal) {
                    chunk.append(decimal.toPlainString());
                } else {
                    chunk.append(value);
                }
            }
            chunk.append('\n');
            if (chunk.length() >= 1 << 16) {
                flush();
            }
        }

        private void escape(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> chunk.append("\\\\");
                    case '\t' -> chunk.append("\\t");
                    case '\n' -> chunk.append("\\n");
                    case '\r' -> chunk.append("\\r");
                    default -> chunk.append(c);
                }
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** H2: batches of 1,000 rows. */
    private final class BatchWriter implements Writer {

        private final PreparedStatement insert;
        private int pending;

        BatchWriter(ImportKind kind, String names) throws SQLException {
            String marks = String.join(", ", java.util.Collections.nCopies(kind.columns().size() + 1, "?"));
            this.insert = connection.prepareStatement("insert into " + kind.stage() + " (" + names + ") values ("
                    + marks + ")");
        }

        @Override
        public void add(int rowNumber, Object[] values) throws SQLException {
            insert.setInt(1, rowNumber);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value instanceof LocalDate date) {
                    insert.setObject(i + 2, date);
                } else {
                    insert.setObject(i + 2, value);
                }
            }
            insert.addBatch();
            if (++pending == 1000) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
        }
    }

    /**
     * Gives the new rows of a staging table (state N) their ids in {@code table} and inserts them: on PostgreSQL from
     * the table's identity sequence, set-based ({@code insert … select}); on H2 row by row in batches, reading back
     * the generated keys. {@code expressions} are the values of {@code columns}, over the staging table as {@code s}.
     */
    void insertNew(ImportKind kind, String table, List<String> columns, List<String> expressions, String where)
            throws SQLException {
        String filter = "s.state = 'N'" + (where == null ? "" : " and " + where);
        if (postgres) {
            try (Statement statement = connection.createStatement()) {
                long start = System.nanoTime();
                // the sequence's name once (per row, pg_get_serial_sequence cost more than the update itself); rows
                // that have their id from the COPY already (create's allNew) keep it
                statement.execute("update " + kind.stage() + " s set internal_id = nextval('" + sequence(table)
                        + "'::regclass) where s.internal_id is null and " + filter);
                statement.execute("insert into " + table + " (id, " + String.join(", ", columns) + ") select "
                        + "s.internal_id, " + String.join(", ", expressions) + " from " + kind.stage() + " s where "
                        + filter);
                org.slf4j.LoggerFactory.getLogger(ImportStage.class).info("import: {} inserted in {} ms", table,
                        (System.nanoTime() - start) / 1_000_000);
            }
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        try (var select = connection.prepareStatement("select s.rn, " + String.join(", ", expressions) + " from "
                + kind.stage() + " s where " + filter);
                var insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                        + ") values (" + marks + ")", new String[] {"id"});
                var update = connection.prepareStatement("update " + kind.stage() + " set internal_id = ? where rn = ?");
                var rows = select.executeQuery()) {
            var numbers = new ArrayList<Integer>();
            while (rows.next()) {
                numbers.add(rows.getInt(1));
                for (int i = 0; i < columns.size(); i++) {
                    insert.setObject(i + 1, rows.getObject(i + 2));
                }
                insert.addBatch();
                if (numbers.size() % 1000 == 0) {
                    keys(insert, update, numbers);
                }
            }
            keys(insert, update, numbers);
        }
    }

    private static void keys(PreparedStatement insert, PreparedStatement update, List<Integer> numbers)
            throws SQLException {
        if (numbers.isEmpty()) {
            return;
        }
        insert.executeBatch();
        try (var keys = insert.getGeneratedKeys()) {
            int i = 0;
            while (keys.next()) {
                update.setLong(1, keys.getLong(1));
                update.setInt(2, numbers.get(i++));
                update.addBatch();
            }
            if (i != numbers.size()) {
                throw new IllegalStateException("expected " + numbers.size() + " generated keys, got " + i);
            }
        }
        update.executeBatch();
        numbers.clear();
    }

    /** The bitwise and of two integer expressions, in this database's words. */
    String bitAnd(String a, String b) {
        return postgres ? "(" + a + " & " + b + ")" : "bitand(" + a + ", " + b + ")";
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}

package nl.jobcoachmonitor.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.measurement.Instrument;
import nl.jobcoachmonitor.measurement.Instruments;
import nl.jobcoachmonitor.measurement.Item;
import nl.jobcoachmonitor.measurement.ItemType;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Option;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.shared.Csv;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import, all or nothing, in one transaction on one connection: the files are streamed into staging tables (COPY
 * on PostgreSQL), checked row by row as they are read (formats, codes, ranges, dates in the future, answers against
 * their item) and then set-based in SQL (duplicate source ids, unknown references, dates before the trajectory's
 * start, the phase history's jumps), counted (created, updated, left alone) and, without problems, stored with
 * set-based inserts and updates. A dry run does the same and rolls back; so does an import with a problem, or one
 * whose statement fails half-way: nothing is left behind.
 */
@Component
class Importer {

    static final int MAX_PROBLEMS = 500;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Importer.class);

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Instruments instruments;
    private final MeasurementManagement measurement;
    private final ObjectMapper json;
    private final Clock clock;
    private final ImportOrganisationKinds organisationKinds;

    Importer(DataSource dataSource, PlatformTransactionManager transactions, JdbcClient jdbc, Instruments instruments,
            MeasurementManagement measurement, ObjectMapper json, Clock clock,
            ImportOrganisationKinds organisationKinds) {
        this.organisationKinds = organisationKinds;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.instruments = instruments;
        this.measurement = measurement;
        this.json = json;
        this.clock = clock;
    }

    /** Runs the files into the organisation as the user; stores them only when {@code store} and nothing is wrong. */
    ImportOutcome run(long organisationId, long userId, List<ImportFile> files, boolean store,
            ImportProgress progress) {
        return transaction.execute(status -> {
            var run = new Run(organisationId, userId, progress);
            try {
                var outcome = run.execute(files, store);
                if (!outcome.stored()) {
                    status.setRollbackOnly();
                }
                return outcome;
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("import failed: " + e.getMessage(), e);
            }
        });
    }

    /** The state of one run: its problems, the labels of its files, and the statements it sends. */
    private final class Run {

        private final long organisationId;
        private final long userId;
        private final ImportProgress progress;
        private final LocalDate today = LocalDate.now(clock);
        private final List<ImportProblem> problems = new ArrayList<>();
        private long problemCount;
        private final Map<ImportKind, String> labels = new EnumMap<>(ImportKind.class);
        private ImportStage stage;
        /** This run as the staff, commissioners and goals see it. */
        private final ImportOrganisationKinds.Run kinds = new ImportOrganisationKinds.Run() {
            @Override
            public void rows(ImportKind kind, String column, String code, String sql) {
                Run.this.rows(kind, column, code, sql);
            }

            @Override
            public void update(String sql) {
                Run.this.update(sql);
            }

            @Override
            public boolean uploaded(ImportKind kind) {
                return labels.containsKey(kind);
            }

            @Override
            public boolean mapped(ImportKind kind) {
                return Run.this.mapped(kind);
            }

            @Override
            public ImportStage stage() {
                return stage;
            }
        };

        Run(long organisationId, long userId, ImportProgress progress) {
            this.organisationId = organisationId;
            this.userId = userId;
            this.progress = progress;
        }

        ImportOutcome execute(List<ImportFile> files, boolean store) throws SQLException, IOException {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            stage = new ImportStage(connection, postgres);
            stage.tune();
            // a first import of contacts into the organisation: their ids come with the COPY (no pass over a million
            // staging rows to number them)
            var allNew = new EnumMap<ImportKind, String>(ImportKind.class);
            if (!mapped(ImportKind.CONTACTS)) {
                allNew.put(ImportKind.CONTACTS, "contact");
            }
            stage.create(Arrays.stream(Theme.values()).map(Enum::name).toList(), allNew);
            progress.step(ImportProgress.Step.READING);
            for (ImportFile file : files) {
                read(file);
            }
            if (labels.isEmpty() && problemCount == 0) {
                problem("", 0, "", "noFiles");
            }
            organisationKinds.staged(kinds);
            stage.analyze();
            lap("files read and staged");
            progress.step(ImportProgress.Step.CHECKING);
            check();
            if (problemCount > 0) {
                return outcome(false, List.of(), Set.of(), Set.of(), Set.of());
            }
            lap("checked");
            var counts = count();
            lap("counted");
            progress.step(ImportProgress.Step.STORING);
            var created = ids("select internal_id from " + ImportKind.EMPLOYEES.stage() + " where state = 'N'");
            apply();
            if (problemCount > 0) {
                return outcome(false, counts, Set.of(), Set.of(), Set.of());
            }
            if (answerCount != null) {
                counts.add(answerCount);
            }
            var trajectories = affectedTrajectories();
            var persons = new TreeSet<Long>();
            persons.addAll(ids("select internal_id from " + ImportKind.EMPLOYEES.stage() + " where state in ('N', 'U')"));
            persons.addAll(employeesOf(trajectories));
            persons.removeAll(created);
            var newPersons = ids("select internal_id from " + ImportKind.EMPLOYEES.stage() + " where state = 'N'");
            lap("outcome gathered");
            return outcome(store, counts, trajectories, newPersons, persons);
        }

        private long lapStart = System.nanoTime();

        /** Logs the time of the step just done (the benchmark's figures per step). */
        private void lap(String step) {
            long now = System.nanoTime();
            log.info("import step: {} in {} ms", step, (now - lapStart) / 1_000_000);
            lapStart = now;
        }

        private ImportOutcome outcome(boolean stored, List<ImportCount> counts, Set<Long> trajectories,
                Set<Long> created, Set<Long> changed) {
            return new ImportOutcome(stored, counts, List.copyOf(problems), problemCount, trajectories, created,
                    changed);
        }

        private void problem(String file, int row, String column, String code, Object... args) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ImportProblem(file, row, column, code, List.of(args)));
            }
        }

        private void problem(ImportKind kind, int row, String column, String code, Object... args) {
            problem(labels.getOrDefault(kind, kind.file() + ".csv"), row, column, code, args);
        }

        // ---- reading ----

        private void read(ImportFile file) throws IOException, SQLException {
            boolean workbook;
            try (InputStream probe = Files.newInputStream(file.path())) {
                workbook = probe.read() == 'P' && probe.read() == 'K';
            }
            if (workbook && ImportArchive.isArchive(file.path())) {
                readArchive(file);
                return;
            }
            try (InputStream in = new Counting(Files.newInputStream(file.path()), progress)) {
                if (workbook) {
                    // one sheet after the other: a sheet's writer ends (its COPY) before the next one starts
                    var current = new ArrayList<KindReader>();
                    try {
                        ImportReader.xlsx(in, sheet -> {
                            try {
                                for (KindReader previous : current) {
                                    previous.close();
                                }
                                current.clear();
                                var kind = ImportKind.ofFile(sheet);
                                if (kind.isEmpty()) {
                                    return null; // a sheet of notes, such as the template's explanation
                                }
                                var reader = open(kind.get(), file.name() + " › " + sheet, false);
                                if (reader != null) {
                                    current.add(reader);
                                }
                                return reader;
                            } catch (SQLException e) {
                                throw new KindReader.Failure(e);
                            }
                        });
                    } finally {
                        for (KindReader writer : current) {
                            writer.close();
                        }
                    }
                } else {
                    var kind = ImportKind.ofFile(file.name());
                    if (kind.isEmpty()) {
                        problem(file.name(), 0, "", "unknownFile", file.name());
                        return;
                    }
                    var reader = open(kind.get(), file.name(), true);
                    if (reader == null) {
                        return;
                    }
                    try (reader) {
                        ImportReader.csv(in, reader);
                    }
                }
            } catch (KindReader.Failure e) {
                throw e.cause;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                if (e instanceof java.io.UncheckedIOException || e.getClass().getName().contains("fastexcel")
                        || e instanceof IllegalStateException && !(e.getCause() instanceof SQLException)) {
                    problem(file.name(), 0, "", "unreadable", file.name());
                    return;
                }
                throw e;
            }
        }

        /**
         * A ZIP of CSV files, such as a full export of an organisation: each file of a kind the import takes is read
         * as that kind; the others (the README, the manifest, the kinds an import does not take) are skipped.
         */
        private void readArchive(ImportFile file) throws IOException, SQLException {
            try {
                ImportArchive.entries(file.path(), (name, in, compressed) -> {
                    var kind = ImportKind.ofFile(name);
                    if (kind.isEmpty()) {
                        progress.read(compressed);
                        return;
                    }
                    var reader = open(kind.get(), file.name() + " › " + name, true);
                    if (reader == null) {
                        return;
                    }
                    try (reader) {
                        ImportReader.csv(in, reader);
                    }
                    progress.read(compressed);
                });
            } catch (KindReader.Failure e) {
                throw e.cause;
            } catch (java.util.zip.ZipException | java.io.UncheckedIOException e) {
                problem(file.name(), 0, "", "unreadable", file.name());
            }
        }

        private KindReader open(ImportKind kind, String label, boolean csv) throws SQLException {
            if (labels.containsKey(kind)) {
                problem(label, 0, "", "kindTwice", labels.get(kind));
                return null;
            }
            labels.put(kind, label);
            return new KindReader(kind, label, csv, stage.writer(kind));
        }

        /** Reads one kind's rows: maps the header, parses and checks each row, writes it to its staging table. */
        private final class KindReader implements ImportReader.Rows, AutoCloseable {

            /** An SQL failure while writing, carried through the reader's callbacks. */
            static final class Failure extends RuntimeException {
                final SQLException cause;

                Failure(SQLException cause) {
                    super(cause);
                    this.cause = cause;
                }
            }

            private final ImportKind kind;
            private final String label;
            private final boolean csv;
            private final ImportStage.Writer writer;
            private int[] positions;

            KindReader(ImportKind kind, String label, boolean csv, ImportStage.Writer writer) {
                this.kind = kind;
                this.label = label;
                this.csv = csv;
                this.writer = writer;
            }

            @Override
            public void header(List<String> names) {
                var columns = kind.columns();
                positions = new int[columns.size()];
                var normalised = names.stream().map(n -> n.strip().toLowerCase()).toList();
                for (int i = 0; i < columns.size(); i++) {
                    positions[i] = normalised.indexOf(columns.get(i).name());
                    if (positions[i] < 0 && columns.get(i).required()) {
                        problem(label, 1, columns.get(i).name(), "missingColumn", columns.get(i).name());
                    }
                }
            }

            @Override
            public void row(int number, List<String> cells) {
                progress.row();
                if (positions == null) {
                    return;
                }
                var values = new Object[positions.length];
                var columns = kind.columns();
                for (int i = 0; i < positions.length; i++) {
                    String cell = positions[i] < 0 || positions[i] >= cells.size() ? "" : cells.get(positions[i]);
                    values[i] = parse(number, columns.get(i), cell.strip());
                }
                checkRow(kind, label, number, values);
                try {
                    writer.add(number, values);
                } catch (SQLException e) {
                    throw new Failure(e);
                }
            }

            private Object parse(int row, ImportColumn column, String cell) {
                if (cell.isEmpty()) {
                    if (column.type() == ImportColumn.Type.CODES) {
                        return 0L;
                    }
                    if (column.required()) {
                        problem(label, row, column.name(), "required");
                    }
                    return null;
                }
                try {
                    return switch (column.type()) {
                        case TEXT -> {
                            // only a text with an apostrophe can have one the export put before a formula
                            String text = csv && cell.indexOf('\'') >= 0 ? Csv.original(cell) : cell;
                            if (text.length() > column.maxLength()) {
                                problem(label, row, column.name(), "tooLong", column.maxLength());
                                yield null;
                            }
                            yield text;
                        }
                        case DATE -> isoDate(cell) ? date(row, column, cell)
                                : !csv && EXCEL_DAY.matcher(cell).matches() ? ImportReader.excelDay(cell)
                                        : malformed(row, column, "date", cell);
                        case INTEGER -> INTEGER.matcher(cell).matches() ? Integer.valueOf(cell)
                                : malformed(row, column, "number", cell);
                        case DECIMAL -> {
                            if (!DECIMAL.matcher(cell).matches()) {
                                yield malformed(row, column, "decimal", cell);
                            }
                            var n = new BigDecimal(cell).stripTrailingZeros();
                            yield n.scale() > 1 || n.compareTo(new BigDecimal("99.9")) > 0
                                    ? malformed(row, column, "decimal", cell) : n.setScale(1);
                        }
                        case CODE -> {
                            String code = cell.toUpperCase();
                            if (!column.allowed().contains(code)) {
                                problem(label, row, column.name(), "code", cell, String.join(", ", column.allowed()));
                                yield null;
                            }
                            yield code;
                        }
                        case BOOLEAN -> switch (cell.toLowerCase()) {
                            case "true", "1", "ja", "yes" -> Boolean.TRUE;
                            case "false", "0", "nee", "no" -> Boolean.FALSE;
                            default -> malformed(row, column, "boolean", cell);
                        };
                        case CODES -> {
                            long mask = 0;
                            for (String part : cell.split("\\|")) {
                                String code = part.strip().toUpperCase();
                                if (code.isEmpty()) {
                                    continue;
                                }
                                int index = column.allowed().indexOf(code);
                                if (index < 0) {
                                    problem(label, row, column.name(), "theme", part.strip());
                                } else {
                                    mask |= 1L << index;
                                }
                            }
                            yield mask;
                        }
                    };
                } catch (DateTimeParseException | NumberFormatException e) {
                    return malformed(row, column, column.type() == ImportColumn.Type.DATE ? "date" : "number", cell);
                }
            }

            /** A date of the form yyyy-mm-dd, read without a formatter (a million of them per import). */
            private Object date(int row, ImportColumn column, String cell) {
                try {
                    return LocalDate.of(digits(cell, 0, 4), digits(cell, 5, 7), digits(cell, 8, 10));
                } catch (DateTimeException e) {
                    return malformed(row, column, "date", cell); // such as 2025-02-30
                }
            }

            private Object malformed(int row, ImportColumn column, String code, String cell) {
                problem(label, row, column.name(), code, cell);
                return null;
            }

            @Override
            public void close() throws SQLException {
                writer.close();
            }
        }

        /** The checks within one row: dates in the future, ranges, what goes together. */
        private void checkRow(ImportKind kind, String label, int row, Object[] v) {
            switch (kind) {
                case EMPLOYEES -> future(label, row, kind, v, "birth_date");
                case TRAJECTORIES -> {
                    future(label, row, kind, v, "started_on");
                    future(label, row, kind, v, "closed_on");
                    future(label, row, kind, v, "job_started_on");
                    Object phase = v[kind.index("phase")];
                    boolean closed = "CLOSED".equals(phase);
                    if (closed && v[kind.index("closing_reason")] == null) {
                        problem(label, row, "closing_reason", "closingReasonRequired");
                    }
                    if (closed && v[kind.index("closed_on")] == null) {
                        problem(label, row, "closed_on", "closedOnRequired");
                    }
                    if (phase != null && !closed && v[kind.index("closing_reason")] != null) {
                        problem(label, row, "closing_reason", "closingReasonOnlyWhenClosed");
                    }
                    if (phase != null && !closed && v[kind.index("closed_on")] != null) {
                        problem(label, row, "closed_on", "closedOnOnlyWhenClosed");
                    }
                    if (v[kind.index("closed_on")] instanceof LocalDate closedOn
                            && v[kind.index("started_on")] instanceof LocalDate startedOn
                            && closedOn.isBefore(startedOn)) {
                        problem(label, row, "closed_on", "beforeStart", closedOn.toString());
                    }
                    if (phase != null && TrajectoryPhase.valueOf((String) phase).isOnTheJob()) {
                        if (v[kind.index("employer_source_id")] == null) {
                            problem(label, row, "employer_source_id", "jobRequired");
                        }
                        if (v[kind.index("job_title")] == null) {
                            problem(label, row, "job_title", "jobRequired");
                        }
                    }
                }
                case PHASE_CHANGES -> {
                    future(label, row, kind, v, "changed_on");
                    boolean closing = "CLOSED".equals(v[kind.index("to_phase")]);
                    if (closing && v[kind.index("closing_reason")] == null) {
                        problem(label, row, "closing_reason", "closingReasonRequired");
                    }
                    if (!closing && v[kind.index("closing_reason")] != null) {
                        problem(label, row, "closing_reason", "closingReasonOnlyWhenClosed");
                    }
                }
                case JOB_CHANGES -> future(label, row, kind, v, "changed_on");
                case CONTACTS -> {
                    future(label, row, kind, v, "contact_on");
                    if (v[kind.index("minutes")] instanceof Integer minutes && (minutes < 1 || minutes > 480)) {
                        problem(label, row, "minutes", "minutes", minutes);
                    }
                }
                case ANSWERS -> checkAnswer(label, row, kind, v);
                default -> {
                }
            }
        }

        private void future(String label, int row, ImportKind kind, Object[] values, String column) {
            if (values[kind.index(column)] instanceof LocalDate date && date.isAfter(today)) {
                problem(label, row, column, "future", date.toString());
            }
        }

        /** An answer: a wave this respondent answers at, their instrument, an item of it and a value it allows. */
        private void checkAnswer(String label, int row, ImportKind kind, Object[] v) {
            future(label, row, kind, v, "completed_on");
            String wave = (String) v[kind.index("wave")];
            String respondentName = (String) v[kind.index("respondent")];
            String instrumentCode = (String) v[kind.index("instrument_code")];
            String itemCode = (String) v[kind.index("item_code")];
            String value = (String) v[kind.index("value")];
            if (wave == null || respondentName == null || instrumentCode == null || itemCode == null
                    || value == null) {
                return;
            }
            var respondent = Respondent.valueOf(respondentName);
            if (!MeasurementManagement.answersAt(wave.toUpperCase(), respondent)) {
                problem(label, row, "wave", "wave", wave, respondentName);
                return;
            }
            v[kind.index("wave")] = wave.toUpperCase();
            if (!respondent.instrument().equals(instrumentCode)) {
                problem(label, row, "instrument_code", "instrument", instrumentCode, respondent.instrument());
                return;
            }
            Instrument instrument = instruments.current(instrumentCode);
            var item = instrument.item(itemCode);
            if (item.isEmpty()) {
                problem(label, row, "item_code", "item", itemCode, instrumentCode);
                return;
            }
            Object raw = item.get().type() == ItemType.MULTI ? List.of(value.split("\\|")) : value;
            var errors = instrument.validate(wave.toUpperCase(), Map.of(itemCode, raw)).errors().stream()
                    .filter(e -> e.item().equals(itemCode) && !e.messageKey().endsWith(".required")).toList();
            if (!errors.isEmpty()) {
                problem(label, row, "value", "answer", value, itemCode, allowed(item.get()));
            }
        }

        private static String allowed(Item item) {
            return item.type() == ItemType.NUMBER ? item.min().toPlainString() + "–" + item.max().toPlainString()
                    : item.options().stream().map(Option::value).collect(Collectors.joining(", "));
        }

        // ---- set-based checks ----

        private String st(ImportKind kind) {
            return kind.stage();
        }

        /** Whether a source id of {@code kind} (the SQL expression {@code ref}) is in the upload or imported before. */
        private String known(ImportKind kind, String ref) {
            // IN over uncorrelated subqueries: PostgreSQL hashes them once (an EXISTS under OR would run per row)
            return "(" + ref + " in (select r.source_id from " + st(kind) + " r where r.source_id is not null) or "
                    + ref + " in (select m.source_id from import_source m where m.organisation_id = :org and m.kind = '"
                    + kind.name() + "'))";
        }

        /** Every trajectory of the upload or imported before, with its start and phase, by source id. */
        private String trajectories() {
            return "(select source_id, started_on, phase from " + st(ImportKind.TRAJECTORIES) + " union all "
                    + "select m.source_id, t.started_on, t.phase from import_source m join trajectory t on t.id = "
                    + "m.internal_id where m.organisation_id = :org and m.kind = 'TRAJECTORIES' and not exists "
                    + "(select 1 from " + st(ImportKind.TRAJECTORIES) + " x where x.source_id = m.source_id))";
        }

        /** Adds a problem for each row the query finds: it selects the row number and the argument of the message. */
        private void rows(ImportKind kind, String column, String code, String sql) {
            if (!labels.containsKey(kind)) {
                return;
            }
            long start = System.nanoTime();
            jdbc.sql(sql + " order by 1 limit " + (MAX_PROBLEMS + 1)).param("org", organisationId)
                    .query((rs, n) -> {
                        problem(kind, rs.getInt(1), column, code, String.valueOf(rs.getObject(2)));
                        return null;
                    }).list();
            timed(start, sql);
        }

        private void duplicates(ImportKind kind, String column, String key) {
            rows(kind, column, "duplicate", "select s.rn, s." + column + " from " + st(kind) + " s join (select "
                    + key + ", min(rn) as first_rn from " + st(kind) + " group by " + key + " having count(*) > 1) d on "
                    + Arrays.stream(key.split(", ")).map(k -> "d." + k + " = s." + k).collect(Collectors.joining(
                            " and ")) + " where s.rn > d.first_rn");
        }

        private void unknown(ImportKind kind, String column, ImportKind target) {
            rows(kind, column, "unknownReference", "select s.rn, s." + column + " from " + st(kind) + " s where s."
                    + column + " is not null and not " + known(target, "s." + column));
        }

        private void beforeStart(ImportKind kind, String column) {
            rows(kind, column, "beforeStart", "select s.rn, s." + column + " from " + st(kind) + " s join "
                    + trajectories() + " t on t.source_id = s.trajectory_source_id where s." + column
                    + " < t.started_on");
        }

        private void check() {
            for (ImportKind kind : List.of(ImportKind.EMPLOYERS, ImportKind.EMPLOYEES, ImportKind.TRAJECTORIES,
                    ImportKind.CONTACTS)) {
                duplicates(kind, "source_id", "source_id");
            }
            duplicates(ImportKind.PHASE_CHANGES, "position", "trajectory_source_id, position");
            duplicates(ImportKind.JOB_CHANGES, "position", "trajectory_source_id, position");
            duplicates(ImportKind.ANSWERS, "item_code", "trajectory_source_id, wave, respondent, item_code");

            var trajectories = ImportKind.TRAJECTORIES;
            unknown(trajectories, "employee_source_id", ImportKind.EMPLOYEES);
            unknown(trajectories, "employer_source_id", ImportKind.EMPLOYERS);
            rows(trajectories, "coach_username", "coach", "select s.rn, s.coach_username from " + st(trajectories)
                    + " s where s.coach_username is not null and not exists (select 1 from app_user u where "
                    + "u.username = s.coach_username and u.role = 'COACH' and u.organisation_id = :org) and not "
                    + ImportOrganisationKinds.stagedCoach("s.coach_username"));
            rows(trajectories, "commissioner", "commissioner", "select s.rn, s.commissioner from " + st(trajectories)
                    + " s where s.commissioner is not null and not exists (select 1 from commissioner c where "
                    + "lower(c.name) = lower(s.commissioner)) and not "
                    + ImportOrganisationKinds.stagedCommissioner("s.commissioner"));
            // a trajectory that is new and not in a starting phase needs its phase history
            rows(trajectories, "phase", "phaseHistory", "select s.rn, s.phase from " + st(trajectories) + " s where "
                    + "s.phase not in ('JOB_SEARCH', 'COACHING') and not exists (select 1 from "
                    + st(ImportKind.PHASE_CHANGES) + " p where p.trajectory_source_id = s.source_id) and not exists "
                    + "(select 1 from import_source m where m.organisation_id = :org and m.kind = 'TRAJECTORIES' "
                    + "and m.source_id = s.source_id)");
            for (ImportKind kind : List.of(ImportKind.PHASE_CHANGES, ImportKind.JOB_CHANGES, ImportKind.CONTACTS,
                    ImportKind.ANSWERS)) {
                unknown(kind, "trajectory_source_id", ImportKind.TRAJECTORIES);
            }
            unknown(ImportKind.JOB_CHANGES, "employer_source_id", ImportKind.EMPLOYERS);
            organisationKinds.check(kinds);
            beforeStart(ImportKind.CONTACTS, "contact_on");
            beforeStart(ImportKind.PHASE_CHANGES, "changed_on");
            beforeStart(ImportKind.JOB_CHANGES, "changed_on");
            beforeStart(ImportKind.ANSWERS, "completed_on");
            checkPhases();
        }

        /** The phase history: from nothing to a starting phase, each next step an allowed jump, ending in the phase. */
        private void checkPhases() {
            var phases = ImportKind.PHASE_CHANGES;
            String table = st(phases);
            String allowed = Arrays.stream(TrajectoryPhase.values())
                    .flatMap(from -> from.next().stream().map(to -> "'" + from.name() + ">" + to.name() + "'"))
                    .collect(Collectors.joining(", "));
            rows(phases, "from_phase", "phaseStart", "select s.rn, s.to_phase from " + table + " s where s.position = 0 "
                    + "and (s.from_phase is not null or s.to_phase not in ('JOB_SEARCH', 'COACHING'))");
            rows(phases, "position", "phaseGap", "select s.rn, s.position from " + table + " s where s.position <> 0 "
                    + "and not exists (select 1 from " + table + " p where p.trajectory_source_id = "
                    + "s.trajectory_source_id and p.position = s.position - 1)");
            rows(phases, "from_phase", "phaseChain", "select s.rn, s.from_phase from " + table + " s join " + table
                    + " p on p.trajectory_source_id = s.trajectory_source_id and p.position = s.position - 1 where "
                    + "s.from_phase is null or s.from_phase <> p.to_phase");
            rows(phases, "to_phase", "phaseJump", "select s.rn, s.from_phase || ' → ' || s.to_phase from " + table
                    + " s where s.position > 0 and s.from_phase is not null and s.to_phase is not null and "
                    + "s.from_phase || '>' || s.to_phase not in (" + allowed + ")");
            rows(phases, "changed_on", "phaseOrder", "select s.rn, s.changed_on from " + table + " s join " + table
                    + " p on p.trajectory_source_id = s.trajectory_source_id and p.position = s.position - 1 where "
                    + "s.changed_on < p.changed_on");
            rows(phases, "to_phase", "phaseLast", "select s.rn, t.phase from " + table + " s join " + trajectories()
                    + " t on t.source_id = s.trajectory_source_id where s.position = (select max(x.position) from "
                    + table + " x where x.trajectory_source_id = s.trajectory_source_id) and s.to_phase <> t.phase");
        }

        // ---- counting ----

        private void update(String sql) {
            updated(sql);
        }

        private int updated(String sql) {
            long start = System.nanoTime();
            int rows = jdbc.sql(sql).param("org", organisationId).update();
            timed(start, sql);
            return rows;
        }

        /** Statements that take long are logged with their time (the benchmark reads them). */
        private void timed(long start, String sql) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms >= 500) {
                log.info("import statement took {} ms: {}", ms, sql.length() > 160 ? sql.substring(0, 160) : sql);
            }
        }

        /** Sets the internal ids of rows imported before (whose row still exists in the organisation). */
        private void resolve(ImportKind kind, String table, String owned) {
            if (!mapped(kind)) {
                return; // nothing of this kind imported before: every row is new (the staging default)
            }
            update("merge into " + st(kind) + " s using (select source_id, internal_id from import_source where "
                    + "organisation_id = :org and kind = '" + kind.name() + "') m on s.source_id = m.source_id "
                    + "when matched then update set internal_id = m.internal_id");
            // a mapping whose row is gone (deleted since): the row is new again, its old mapping goes now (by the
            // internal ids, on import_source's index: no join of the staging table with the organisation's mappings,
            // whose plan went wrong on stale statistics and ran per row for a million contacts)
            int gone = updated("update " + st(kind) + " s set state = 'G' where s.internal_id is not null and not "
                    + "exists (select 1 from " + table + " x where x.id = s.internal_id and " + owned + ")");
            if (gone > 0) {
                var stale = new ArrayList<>(ids("select internal_id from " + st(kind) + " where state = 'G'"));
                for (int from = 0; from < stale.size(); from += 1000) {
                    jdbc.sql("delete from import_source where organisation_id = :org and kind = :k and internal_id in "
                            + "(:ids)").param("org", organisationId).param("k", kind.name())
                            .param("ids", stale.subList(from, Math.min(stale.size(), from + 1000))).update();
                }
                update("update " + st(kind) + " set internal_id = null, state = 'N' where state = 'G'");
            }
            // fresh statistics: analysed after the COPY, the ids were all empty, and a plan that expects no ids
            // joins the staging table per row
            stage.analyze(kind);
        }

        private final Map<ImportKind, Boolean> mapped = new EnumMap<>(ImportKind.class);

        /** Whether rows of this kind were imported into the organisation before (asked once, before storing). */
        private boolean mapped(ImportKind kind) {
            return mapped.computeIfAbsent(kind, k -> jdbc.sql("select count(*) from (select 1 from import_source "
                    + "where organisation_id = :org and kind = :k limit 1) x").param("org", organisationId)
                    .param("k", k.name()).query(Long.class).single() > 0);
        }

        /** A reference to another kind by source id, to that row's id: imported before, or in this upload. */
        private void reference(ImportKind kind, String column, ImportKind target, String idColumn) {
            // the mappings are all there is to find while counting: a row of the upload has an id only when resolve()
            // found it in them (and the mapping of a row gone since is deleted); the new ones come in referenceNew
            if (mapped(target)) {
                update("merge into " + st(kind) + " s using (select source_id, internal_id from import_source where "
                    + "organisation_id = :org and kind = '" + target.name() + "') m on s." + column + " = m.source_id "
                    + "when matched then update set " + idColumn + " = m.internal_id");
            }
        }

        /**
         * After the target's new rows are stored: the references to them (the others were resolved while counting,
         * and import_source has not changed since). Only the rows that refer to a new row are written, so a second
         * import of the same files rewrites nothing here.
         */
        private void referenceNew(ImportKind kind, String column, ImportKind target, String idColumn) {
            if (!labels.containsKey(kind) || !labels.containsKey(target)) {
                return;
            }
            update("merge into " + st(kind) + " s using (select source_id, internal_id from " + st(target)
                    + " where state = 'N') m on s." + column + " = m.source_id when matched then update set "
                    + idColumn + " = m.internal_id");
        }

        private void state(ImportKind kind, String table, String same) {
            stateOf(kind, "select x.* from " + table + " x", same);
        }

        /**
         * Unchanged (S) or changed (U), for the rows imported before, by comparing them with their row as
         * {@code rows} gives it (as {@code x}); a row without an id stays new (N, the default). A merge, joined set-based
         * (a correlated EXISTS per row ran a million index scans for the contacts of a second import).
         */
        private void stateOf(ImportKind kind, String rows, String same) {
            if (!mapped(kind)) {
                return;
            }
            update("merge into " + st(kind) + " s using (" + rows + " where x.id in (select internal_id from "
                    + st(kind) + " where internal_id is not null)) x on x.id = s.internal_id when matched then "
                    + "update set state = case when " + same + " then 'S' else 'U' end");
        }

        private static String eq(String a, String b) {
            return "(" + a + " = " + b + " or (" + a + " is null and " + b + " is null))";
        }

        private static String sameColumns(String... columns) {
            return Arrays.stream(columns).map(c -> {
                String[] parts = c.split("=");
                return parts.length == 2 ? eq("x." + parts[0], "s." + parts[1]) : eq("x." + c, "s." + c);
            }).collect(Collectors.joining(" and "));
        }

        private List<ImportCount> count() {
            resolve(ImportKind.EMPLOYERS, "employer", "x.organisation_id = :org");
            state(ImportKind.EMPLOYERS, "employer", sameColumns("name", "city", "sector"));
            resolve(ImportKind.EMPLOYEES, "employee", "x.organisation_id = :org");
            state(ImportKind.EMPLOYEES, "employee", sameColumns("first_name", "last_name", "birth_date", "email",
                    "phone"));
            var trajectories = ImportKind.TRAJECTORIES;
            resolve(trajectories, "trajectory", "x.organisation_id = :org");
            reference(trajectories, "employee_source_id", ImportKind.EMPLOYEES, "employee_id");
            reference(trajectories, "employer_source_id", ImportKind.EMPLOYERS, "employer_id");
            update("merge into " + st(trajectories) + " s using (select id, username from app_user where "
                    + "organisation_id = :org and role = 'COACH') u on s.coach_username = u.username "
                    + "when matched then update set coach_id = u.id");
            update("merge into " + st(trajectories) + " s using (select id, name from commissioner) c on "
                    + "lower(s.commissioner) = lower(c.name) when matched then update set commissioner_id = c.id");
            state(trajectories, "trajectory", sameColumns("employee_id", "coach_id", "commissioner_id", "employer_id",
                    "started_on", "phase", "closing_reason", "closed_on", "job_title", "job_contract_hours",
                    "job_contract_type", "job_started_on", "client_number", "case_number"));
            // the trajectories' ids: known ones now, new ones once stored (reference() again after their insert)
            for (ImportKind kind : List.of(ImportKind.PHASE_CHANGES, ImportKind.JOB_CHANGES, ImportKind.CONTACTS,
                    ImportKind.ANSWERS, ImportKind.GOALS)) {
                reference(kind, "trajectory_source_id", trajectories, "trajectory_id");
            }
            reference(ImportKind.JOB_CHANGES, "employer_source_id", ImportKind.EMPLOYERS, "employer_id");
            update("update " + st(ImportKind.PHASE_CHANGES) + " s set state = case when not exists (select 1 from "
                    + "phase_change x where x.trajectory_id = s.trajectory_id and x.position = s.position) then 'N' "
                    + "when exists (select 1 from phase_change x where x.trajectory_id = s.trajectory_id and "
                    + "x.position = s.position and " + sameColumns("from_phase", "to_phase", "changed_on",
                            "closing_reason") + ") then 'S' else 'U' end");
            update("update " + st(ImportKind.JOB_CHANGES) + " s set state = case when not exists (select 1 from "
                    + "job_change x where x.trajectory_id = s.trajectory_id and x.position = s.position) then 'N' "
                    + "when exists (select 1 from job_change x where x.trajectory_id = s.trajectory_id and "
                    + "x.position = s.position and " + sameColumns("changed_on", "kind", "job_title",
                            "contract_hours", "contract_type", "employer_id", "note") + ") then 'S' else 'U' end");
            var contacts = ImportKind.CONTACTS;
            resolve(contacts, "contact", "exists (select 1 from trajectory t where t.id = x.trajectory_id and "
                    + "t.organisation_id = :org)");
            // a contact's themes as the bits of the staging column, summed per contact in one pass
            stateOf(contacts, "select x.*, coalesce(t.bits, 0) as bits from contact x left join (select ct.contact_id, "
                    + "sum(b.bit) as bits from contact_theme ct join import_stage_theme b on b.theme = ct.theme where "
                    + "ct.contact_id in (select internal_id from " + st(contacts) + " where internal_id is not null) "
                    + "group by ct.contact_id) t on t.contact_id = x.id", sameColumns("trajectory_id", "contact_on",
                            "minutes", "party", "mode", "note", "reason") + " and s.themes = x.bits");
            organisationKinds.count(kinds);
            var counts = new ArrayList<ImportCount>();
            for (ImportKind kind : ImportKind.values()) {
                if (!labels.containsKey(kind) || kind == ImportKind.ANSWERS) {
                    continue;
                }
                var c = jdbc.sql("select coalesce(sum(case when state = 'N' then 1 else 0 end), 0), "
                        + "coalesce(sum(case when state = 'U' then 1 else 0 end), 0), "
                        + "coalesce(sum(case when state = 'S' then 1 else 0 end), 0) from " + st(kind))
                        .query((rs, n) -> new ImportCount(kind, rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single();
                counts.add(c);
            }
            return counts;
        }

        // ---- storing ----

        private void apply() throws SQLException {
            organisationKinds.storeStaff(kinds, organisationId, userId);
            var employers = ImportKind.EMPLOYERS;
            stage.insertNew(employers, "employer", List.of("organisation_id", "name", "city", "sector", "version"),
                    List.of(":org".replace(":org", String.valueOf(organisationId)), "s.name", "s.city", "s.sector",
                            "0"), null);
            update("merge into employer e using (select internal_id, name, city, sector from " + st(employers)
                    + " where state = 'U') s on e.id = s.internal_id when matched then update set name = s.name, "
                    + "city = s.city, sector = s.sector, version = e.version + 1");

            var employees = ImportKind.EMPLOYEES;
            stage.insertNew(employees, "employee", List.of("organisation_id", "first_name", "last_name", "birth_date",
                    "email", "phone", "version"), List.of(String.valueOf(organisationId), "s.first_name",
                    "s.last_name", "s.birth_date", "s.email", "s.phone", "0"), null);
            update("merge into employee e using (select internal_id, first_name, last_name, birth_date, email, phone "
                    + "from " + st(employees) + " where state = 'U') s on e.id = s.internal_id when matched then "
                    + "update set first_name = s.first_name, last_name = s.last_name, birth_date = s.birth_date, "
                    + "email = s.email, phone = s.phone, version = e.version + 1");

            var trajectories = ImportKind.TRAJECTORIES;
            referenceNew(trajectories, "employee_source_id", employees, "employee_id");
            referenceNew(trajectories, "employer_source_id", employers, "employer_id");
            stage.insertNew(trajectories, "trajectory", List.of("employee_id", "organisation_id", "coach_id",
                    "commissioner_id", "employer_id", "phase", "closing_reason", "started_on", "closed_on",
                    "job_title", "job_contract_hours", "job_contract_type", "job_started_on", "client_number",
                    "case_number", "version"), List.of("s.employee_id", String.valueOf(organisationId), "s.coach_id",
                    "s.commissioner_id", "s.employer_id", "s.phase", "s.closing_reason", "s.started_on",
                    "s.closed_on", "s.job_title", "s.job_contract_hours", "s.job_contract_type", "s.job_started_on",
                    "s.client_number", "s.case_number", "0"), null);
            // a new coach: the handover is kept in the coach history, as when a manager reassigns
            update("insert into coach_assignment (trajectory_id, position, coach_id, assigned_on, assigned_by, reason) "
                    + "select s.internal_id, (select coalesce(max(a.position), -1) + 1 from coach_assignment a where "
                    + "a.trajectory_id = s.internal_id), s.coach_id, " + (stage.postgres() ? "current_date"
                            : "current_date") + ", " + userId + ", 'import' from " + st(trajectories) + " s join "
                    + "trajectory t on t.id = s.internal_id where s.state = 'U' and t.coach_id <> s.coach_id");
            update("merge into trajectory t using (select * from " + st(trajectories) + " where state = 'U') s on "
                    + "t.id = s.internal_id when matched then update set employee_id = s.employee_id, coach_id = "
                    + "s.coach_id, commissioner_id = s.commissioner_id, employer_id = s.employer_id, phase = s.phase, "
                    + "closing_reason = s.closing_reason, started_on = s.started_on, closed_on = s.closed_on, "
                    + "job_title = s.job_title, job_contract_hours = s.job_contract_hours, job_contract_type = "
                    + "s.job_contract_type, job_started_on = s.job_started_on, client_number = s.client_number, "
                    + "case_number = s.case_number, version = t.version + 1");
            update("insert into coach_assignment (trajectory_id, position, coach_id, assigned_on, assigned_by) select "
                    + "s.internal_id, 0, s.coach_id, s.started_on, " + userId + " from " + st(trajectories)
                    + " s where s.state = 'N'");
            // a new trajectory without its history in the upload starts in its phase on its start day
            update("insert into phase_change (trajectory_id, position, from_phase, to_phase, changed_on, changed_by) "
                    + "select s.internal_id, 0, null, s.phase, s.started_on, " + userId + " from " + st(trajectories)
                    + " s where s.state = 'N' and not exists (select 1 from " + st(ImportKind.PHASE_CHANGES)
                    + " p where p.trajectory_source_id = s.source_id)");
            for (ImportKind kind : List.of(ImportKind.PHASE_CHANGES, ImportKind.JOB_CHANGES, ImportKind.CONTACTS,
                    ImportKind.ANSWERS, ImportKind.GOALS)) {
                referenceNew(kind, "trajectory_source_id", trajectories, "trajectory_id");
            }
            referenceNew(ImportKind.JOB_CHANGES, "employer_source_id", employers, "employer_id");
            update("update " + st(ImportKind.PHASE_CHANGES) + " set state = 'N' where state is null");
            update("update " + st(ImportKind.JOB_CHANGES) + " set state = 'N' where state is null");

            // the histories: the upload's rows replace the trajectory's (changed and missing positions go)
            String phases = st(ImportKind.PHASE_CHANGES);
            update("delete from phase_change x where exists (select 1 from " + phases + " s where s.trajectory_id = "
                    + "x.trajectory_id) and not exists (select 1 from " + phases + " s where s.trajectory_id = "
                    + "x.trajectory_id and s.position = x.position and s.state = 'S')");
            update("insert into phase_change (trajectory_id, position, from_phase, to_phase, changed_on, "
                    + "closing_reason, changed_by) select s.trajectory_id, s.position, s.from_phase, s.to_phase, "
                    + "s.changed_on, s.closing_reason, " + userId + " from " + phases + " s where s.state <> 'S'");
            String jobs = st(ImportKind.JOB_CHANGES);
            update("delete from job_change x where exists (select 1 from " + jobs + " s where s.trajectory_id = "
                    + "x.trajectory_id) and not exists (select 1 from " + jobs + " s where s.trajectory_id = "
                    + "x.trajectory_id and s.position = x.position and s.state = 'S')");
            update("insert into job_change (trajectory_id, position, changed_on, kind, job_title, contract_hours, "
                    + "contract_type, employer_id, note, recorded_by) select s.trajectory_id, s.position, s.changed_on, "
                    + "s.kind, s.job_title, s.contract_hours, s.contract_type, s.employer_id, s.note, " + userId
                    + " from " + jobs + " s where s.state <> 'S'");

            lap("employers, employees, trajectories, histories stored");
            var contacts = ImportKind.CONTACTS;
            String loggedAt = "current_timestamp";
            stage.insertNew(contacts, "contact", List.of("trajectory_id", "contact_on", "minutes", "party", "mode",
                    "note", "reason", "logged_by", "logged_at", "version"), List.of("s.trajectory_id", "s.contact_on",
                    "s.minutes", "s.party", "s.mode", "s.note", "s.reason", String.valueOf(userId), loggedAt, "0"),
                    null);
            update("merge into contact c using (select * from " + st(contacts) + " where state = 'U') s on c.id = "
                    + "s.internal_id when matched then update set trajectory_id = s.trajectory_id, contact_on = "
                    + "s.contact_on, minutes = s.minutes, party = s.party, mode = s.mode, note = s.note, reason = "
                    + "s.reason, version = c.version + 1");
            lap("contacts stored");
            update("delete from contact_theme where contact_id in (select internal_id from " + st(contacts)
                    + " where state = 'U')");
            update("insert into contact_theme (contact_id, theme) select s.internal_id, b.theme from " + st(contacts)
                    + " s join import_stage_theme b on " + stage.bitAnd("s.themes", "b.bit") + " <> 0 where s.state "
                    + "in ('N', 'U')");
            organisationKinds.storeGoals(kinds, userId);

            lap("contact themes stored");
            // waves of the trajectories written here (no event planned them), then the answers into them
            var planned = ids("select internal_id from " + st(trajectories) + " where state in ('N', 'U') union "
                    + "select trajectory_id from " + phases + " where state <> 'S' union select trajectory_id from "
                    + st(ImportKind.ANSWERS));
            measurement.planWaves(planned);
            storeAnswers();
            lap("waves and answers stored");

            // last: the source ids of the rows that are new (or whose earlier row is gone)
            for (ImportKind kind : ImportKind.values()) {
                if (!kind.identified()) {
                    continue;
                }
                // a new row has no mapping: resolve() took away those of rows gone since
                update("insert into import_source (organisation_id, kind, source_id, internal_id, imported_at) select "
                        + organisationId + ", '" + kind.name() + "', s.source_id, s.internal_id, " + loggedAt
                        + " from " + st(kind) + " s where s.state = 'N'");
            }
            lap("source ids mapped");
        }

        /**
         * The answers, one response per trajectory, wave and respondent: the answers typed as the instrument types
         * them (its own check), completed on the day given, marked as entered afterwards by the importing user's
         * organisation. A response already there with the same answers is left alone.
         */
        private void storeAnswers() {
            var answers = ImportKind.ANSWERS;
            if (!labels.containsKey(answers)) {
                return;
            }
            var rows = jdbc.sql("select rn, trajectory_id, wave, respondent, instrument_code, item_code, answer_value, "
                    + "completed_on from " + st(answers) + " order by trajectory_id, wave, respondent, rn")
                    .query((rs, n) -> new Answer(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)))
                    .list();
            long[] counts = new long[3];
            var group = new ArrayList<Answer>();
            for (Answer a : rows) {
                if (!group.isEmpty() && (group.get(0).trajectoryId() != a.trajectoryId()
                        || !group.get(0).wave().equals(a.wave()) || !group.get(0).respondent().equals(a.respondent()))) {
                    storeResponse(group, counts);
                    group.clear();
                }
                group.add(a);
            }
            if (!group.isEmpty()) {
                storeResponse(group, counts);
            }
            answerCount = new ImportCount(answers, counts[0], counts[1], counts[2]);
        }

        private ImportCount answerCount;

        private void storeResponse(List<Answer> group, long[] counts) {
            var first = group.get(0);
            Long waveId = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = :c")
                    .param("t", first.trajectoryId()).param("c", first.wave()).query(Long.class).optional()
                    .orElse(null);
            if (waveId == null) {
                problem(ImportKind.ANSWERS, first.rn(), "wave", "wavePlanned", first.wave());
                return;
            }
            Instrument instrument = instruments.current(first.instrument());
            Map<String, Object> raw = new LinkedHashMap<>();
            for (Answer a : group) {
                var item = instrument.item(a.item()).orElseThrow();
                raw.put(a.item(), item.type() == ItemType.MULTI ? List.of(a.value().split("\\|")) : a.value());
            }
            String answers = write(instrument.validate(first.wave(), raw).answers());
            // without a day: a questionnaire not sent yet (the answers saved so far), as a full export writes it
            LocalDate completedOn = group.stream().anyMatch(a -> a.completedOn() == null) ? null
                    : group.stream().map(Answer::completedOn).max(LocalDate::compareTo).orElse(today);
            Timestamp completedAt = completedOn == null ? null : Timestamp.from(completedOn.atTime(LocalTime.NOON)
                    .atZone(clock.getZone()).toInstant());
            Timestamp now = Timestamp.from(clock.instant());
            Timestamp startedAt = completedAt == null ? now : completedAt;
            record Existing(long id, String answers, Timestamp completedAt) {
            }
            var existing = jdbc.sql("select id, answers, completed_at from response where wave_id = :w and "
                    + "respondent = :r").param("w", waveId).param("r", first.respondent())
                    .query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2), rs.getTimestamp(3))).optional();
            String state;
            if (existing.isEmpty()) {
                jdbc.sql("insert into response (wave_id, respondent, instrument_code, instrument_version, answers, "
                        + "started_at, completed_at, entered_by_coach, entered_afterwards_at) values (:w, :r, :c, :v, "
                        + ":a, :started, :at, true, :now)").param("w", waveId).param("r", first.respondent())
                        .param("c", instrument.code()).param("v", instrument.version()).param("a", answers)
                        .param("started", startedAt).param("at", completedAt, java.sql.Types.TIMESTAMP)
                        .param("now", now).update();
                state = "N";
                counts[0] += group.size();
            } else if (read(existing.get().answers()).equals(read(answers))
                    && java.util.Objects.equals(completedAt, existing.get().completedAt())) {
                state = "S";
                counts[2] += group.size();
            } else {
                jdbc.sql("update response set answers = :a, instrument_code = :c, instrument_version = :v, "
                        + "completed_at = :at, entered_by_coach = true, entered_afterwards_at = :now, version = "
                        + "version + 1 where id = :id").param("a", answers).param("c", instrument.code())
                        .param("v", instrument.version()).param("at", completedAt, java.sql.Types.TIMESTAMP)
                        .param("now", now)
                        .param("id", existing.get().id()).update();
                state = "U";
                counts[1] += group.size();
            }
            jdbc.sql("update " + st(ImportKind.ANSWERS) + " set state = :s where trajectory_id = :t and wave = :c and "
                    + "respondent = :r").param("s", state).param("t", first.trajectoryId()).param("c", first.wave())
                    .param("r", first.respondent()).update();
        }

        private String write(Map<String, Object> answers) {
            try {
                return json.writeValueAsString(answers);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private Map<String, Object> read(String text) {
            try {
                return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable answers", e);
            }
        }

        private Set<Long> ids(String sql) {
            var ids = new TreeSet<Long>();
            jdbc.sql(sql).param("org", organisationId).query(Long.class).list().stream()
                    .filter(java.util.Objects::nonNull).forEach(ids::add);
            return ids;
        }

        private Set<Long> affectedTrajectories() {
            return ids("select internal_id from " + st(ImportKind.TRAJECTORIES) + " where state in ('N', 'U') union "
                    + "select trajectory_id from " + st(ImportKind.PHASE_CHANGES) + " where state <> 'S' union "
                    + "select trajectory_id from " + st(ImportKind.JOB_CHANGES) + " where state <> 'S' union "
                    + "select trajectory_id from " + st(ImportKind.CONTACTS) + " where state in ('N', 'U') union "
                    + "select trajectory_id from " + st(ImportKind.ANSWERS) + " where state in ('N', 'U')");
        }

        private Set<Long> employeesOf(Set<Long> trajectories) {
            var result = new TreeSet<Long>();
            var list = new ArrayList<>(trajectories);
            for (int from = 0; from < list.size(); from += 1000) {
                result.addAll(jdbc.sql("select distinct employee_id from trajectory where id in (:ids)")
                        .param("ids", list.subList(from, Math.min(list.size(), from + 1000))).query(Long.class)
                        .list());
            }
            return result;
        }
    }

    // the formats of the cells, compiled once (String.matches compiles its pattern on every call)
    private static final Pattern EXCEL_DAY = Pattern.compile("\\d{1,6}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d+)?");

    /** Whether the text has the form yyyy-mm-dd (ASCII digits, as {@code \d} in a pattern). */
    static boolean isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + text.charAt(i) - '0';
        }
        return n;
    }

    /** One answer of the upload, with its trajectory's id. */
    private record Answer(int rn, long trajectoryId, String wave, String respondent, String instrument, String item,
            String value, LocalDate completedOn) {
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {

        private final ImportProgress progress;

        Counting(InputStream in, ImportProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.read(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.read(n);
            }
            return n;
        }
    }
}

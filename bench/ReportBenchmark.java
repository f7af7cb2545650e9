import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the study report of a running Jobcoach Monitor (issue 4), and the SQL behind it on the same database.
 * Single-file program; needs the PostgreSQL JDBC driver on the class path:
 * {@code java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.11/postgresql-42.7.11.jar bench/ReportBenchmark.java}.
 *
 * <p>Per scope (a commissioner user: one municipality; a researcher: everything), over HTTP: one form login, then
 * {@code --warmup} unmeasured and {@code --requests} measured sequential requests of the full page ({@code GET
 * /report}), then the same for the htmx fragment ({@code HX-Request: true}), then {@code --files} measured requests
 * each of {@code /report.pdf} and {@code /report.csv} after 2 unmeasured ones. A request's time runs from just before
 * sending to the last byte of the body. Every response must be 200 and show the population the SQL counts, or the
 * program exits non-zero.
 *
 * <p>Then over JDBC, on one connection, {@code --sql-runs} measured runs (after 5 unmeasured ones, so that the driver
 * prepares server-side as it does in the application) of:
 * <ul>
 * <li><b>the report's own SQL</b>: the three statements of ReportQuery (rows, work values, months) with the same text
 * and parameter (as of commit 898bf2d with {@code --statements 898bf2d}, else as now), every row fetched and every column read with the getter the application uses, in one read-only
 * transaction as the application does;</li>
 * <li><b>the database's own limit</b>: one aggregate statement that computes the study's table in SQL (counts, means
 * and standard deviations of the 16 measures, the 4 correlations with the capability set, the number of coaches),
 * plus the work-value and month statements, which are aggregates already. Only the logistic regressions have no SQL
 * counterpart.</li>
 * </ul>
 * With {@code --explain <n>} it prints, instead, the plans of these statements per scope ({@code EXPLAIN (ANALYZE,
 * BUFFERS)}, after n unmeasured runs), as custom and as generic plan, and the statements themselves.
 *
 * <p>Percentiles are nearest rank (p95 of 60 samples is the 57th smallest); the median of an even count is the mean of
 * the two middle samples.
 */
public class ReportBenchmark {

    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern POPULATION = Pattern.compile("(?:Trajecten|Trajectories): ([0-9.,]+)");

    /*
     * The statements of ReportQuery for an empty filter, with ? for :scope: as of commit 898bf2d (--statements 898bf2d)
     * or as now (the default): the work values and months without the employee join, the months by their month_index (V45).
     */
    static final String FROM = " from trajectory t join employee e on e.id = t.employee_id"
            + " join trajectory_indicator i on i.trajectory_id = t.id";
    static final String FROM_SUMS = " from trajectory t join trajectory_indicator i on i.trajectory_id = t.id";

    /**
     * Which version of ReportQuery's statements: "current" (V69: one row per trajectory from the indicator row, the
     * months as one aggregate over its month columns), "a1e975c" (the rows joined with the waves T0 and T2, the work
     * values from wave_work_value, the months from trajectory_month) or "898bf2d".
     */
    static String statements = "current";

    static boolean v69() {
        return statements.equals("current");
    }

    static String fromSums() {
        return statements.equals("898bf2d") ? FROM : FROM_SUMS;
    }

    static String where(String scopeColumn) {
        return " where " + scopeColumn + " = ? and i.coaching_started_on is not null";
    }

    static String rowsSql(String scopeColumn) {
        if (v69()) {
            return """
                    select t.id, t.organisation_id, t.coach_id, t.employer_id, t.commissioner_id, t.phase, e.birth_date,
                        coalesce(i.contract_hours_t0, t.job_contract_hours) as contract_hours, i.coaching_started_on,
                        i.months_0_3, i.hours_total_0_3, i.hours_employee_0_3, i.hours_employer_0_3,
                        i.months_3_6, i.hours_total_3_6, i.hours_employee_3_6, i.hours_employer_3_6,
                        i.retained, i.positive_development, i.job_fit_latest, i.rapport_employee, i.fit_wishes,
                        i.capability_set_latest, i.disclosed_employer, i.reaction_employer, i.disclosed_colleagues,
                        i.reaction_colleagues, i.coach_value, i.work_values_t0, i.work_values_t2
                    """ + FROM + where(scopeColumn);
        }
        return """
                select t.id, t.coach_id, t.employer_id, t.commissioner_id, t.phase, e.birth_date,
                    coalesce(w0.contract_hours, t.job_contract_hours) as contract_hours, i.coaching_started_on,
                    i.months_0_3, i.hours_total_0_3, i.hours_employee_0_3, i.hours_employer_0_3,
                    i.months_3_6, i.hours_total_3_6, i.hours_employee_3_6, i.hours_employer_3_6,
                    i.retained, i.positive_development, i.job_fit_latest, i.rapport_employee, i.fit_wishes,
                    i.capability_set_latest,
                    coalesce(w2.disclosed_employer, w0.disclosed_employer) as disclosed_employer,
                    coalesce(w2.reaction_employer, w0.reaction_employer) as reaction_employer,
                    coalesce(w2.disclosed_colleagues, w0.disclosed_colleagues) as disclosed_colleagues,
                    coalesce(w2.reaction_colleagues, w0.reaction_colleagues) as reaction_colleagues,
                    coalesce(w2.coach_value, w0.coach_value) as coach_value
                """ + FROM + """
                 left join wave_indicator w0 on w0.trajectory_id = t.id and w0.wave_code = 'T0'
                 left join wave_indicator w2 on w2.trajectory_id = t.id and w2.wave_code = 'T2'
                """ + where(scopeColumn);
    }

    /** Since V69 (current) the work values come with the rows; this is then their aggregate, for the pure aggregate. */
    static String workValuesSql(String scopeColumn) {
        if (v69()) {
            List<String> sums = new ArrayList<>();
            for (String wave : List.of("t0", "t2")) {
                for (int k = 0; k < 7; k++) {
                    String important = "substr(i.work_values_" + wave + ", " + (2 * k + 1) + ", 1)::int";
                    String achieved = "substr(i.work_values_" + wave + ", " + (2 * k + 2) + ", 1)::int";
                    String answered = " filter (where " + important + " > 0)";
                    sums.add("count(*)" + answered + ", sum(" + important + ")" + answered + ", sum(" + achieved + ")"
                            + answered + ", count(*) filter (where " + important + " >= 4 and " + achieved + " < 4)");
                }
            }
            return "select " + String.join(",\n    ", sums) + FROM_SUMS + where(scopeColumn);
        }
        return """
                select v.wave_code, v.work_value, count(*) as n, sum(v.important) as important,
                    sum(v.achieved) as achieved,
                    sum(case when v.important >= 4 and v.achieved < 4 then 1 else 0 end) as gaps
                """ + fromSums() + " join wave_work_value v on v.trajectory_id = t.id" + where(scopeColumn)
                + " and v.wave_code in ('T0', 'T2') and v.important is not null and v.achieved is not null"
                + " group by v.wave_code, v.work_value";
    }

    static String monthsSql(String scopeColumn) {
        if (v69()) {
            List<String> sums = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                sums.add("count(i.month" + m + "_employee)");
                for (String party : List.of("employee", "employer", "other")) {
                    sums.add("sum(least(coalesce(i.month" + m + "_" + party + ", 0), 1200))");
                }
            }
            return "select " + String.join(", ", sums) + FROM_SUMS + where(scopeColumn);
        }
        // Since V45 the read model is keyed by the month since the start of coaching (month_index); the statements of
        // 898bf2d computed it from calendar months (first_day), a column that no longer exists.
        return """
                select m.month_index, sum(m.employee_minutes), sum(m.employer_minutes), sum(m.other_minutes)
                """ + fromSums() + " join trajectory_month m on m.trajectory_id = t.id" + where(scopeColumn)
                + " and m.month_index < 12 group by m.month_index order by m.month_index";
    }

    /**
     * The study's table computed by the database alone: per measure the count, mean and standard deviation (what a
     * mean with its interval, or a share with its interval, needs), the correlations of the four predictors with the
     * capability set, the population and the number of coaches. Same population and same definitions as
     * AnalyticsManagement.table (age in whole years at the start of coaching; hours per month once a month passed;
     * disclosure "not no"; the latest of T2 and T0), in double precision (as the application computes them).
     */
    static String aggregateSql(String scopeColumn) {
        if (v69()) {
            return aggregateSql(scopeColumn, """
                    coalesce(i.contract_hours_t0, t.job_contract_hours) as contract_hours,
                    (i.disclosed_employer <> 'no')::int as told_employer, i.reaction_employer,
                    (i.disclosed_colleagues <> 'no')::int as told_colleagues, i.reaction_colleagues, i.coach_value,
                    """, "");
        }
        return aggregateSql(scopeColumn, """
                    coalesce(w0.contract_hours, t.job_contract_hours) as contract_hours,
                    (coalesce(w2.disclosed_employer, w0.disclosed_employer) <> 'no')::int as told_employer,
                    coalesce(w2.reaction_employer, w0.reaction_employer) as reaction_employer,
                    (coalesce(w2.disclosed_colleagues, w0.disclosed_colleagues) <> 'no')::int as told_colleagues,
                    coalesce(w2.reaction_colleagues, w0.reaction_colleagues) as reaction_colleagues,
                    coalesce(w2.coach_value, w0.coach_value) as coach_value,
                """, """
                 left join wave_indicator w0 on w0.trajectory_id = t.id and w0.wave_code = 'T0'
                 left join wave_indicator w2 on w2.trajectory_id = t.id and w2.wave_code = 'T2'
                """);
    }

    static String aggregateSql(String scopeColumn, String waveColumns, String waveJoins) {
        String measures = """
                select count(*) as trajectories, count(distinct t.coach_id) as coaches,
                    count(distinct t.employer_id) as employers,
                    %s
                from (select t.coach_id, t.employer_id,
                        extract(year from age(i.coaching_started_on, e.birth_date)) as age,
                    """ + waveColumns + """
                        case when i.months_0_3 >= 1 then i.hours_total_0_3 / i.months_0_3 end as hours_first,
                        case when i.months_0_3 >= 1 then i.hours_employee_0_3 / i.months_0_3 end as employee_first,
                        case when i.months_0_3 >= 1 then i.hours_employer_0_3 / i.months_0_3 end as employer_first,
                        case when i.months_3_6 >= 1 then i.hours_total_3_6 / i.months_3_6 end as hours_second,
                        case when i.months_3_6 >= 1 then i.hours_employee_3_6 / i.months_3_6 end as employee_second,
                        case when i.months_3_6 >= 1 then i.hours_employer_3_6 / i.months_3_6 end as employer_second,
                        i.retained::int as retained, i.positive_development::int as positive,
                        i.job_fit_latest as job_fit, i.rapport_employee as rapport, i.fit_wishes,
                        i.capability_set_latest as capability_set
                    """ + FROM + waveJoins + where(scopeColumn) + ") t";
        List<String> columns = new ArrayList<>();
        for (String m : List.of("age", "contract_hours", "told_employer", "reaction_employer", "told_colleagues",
                "reaction_colleagues", "coach_value", "hours_first", "employee_first", "employer_first",
                "hours_second", "employee_second", "employer_second", "retained", "positive", "capability_set")) {
            columns.add("count(" + m + ") as n_" + m + ", avg(" + m + "::float8) as mean_" + m
                    + ", stddev_samp(" + m + "::float8) as sd_" + m);
        }
        for (String p : List.of("hours_first", "job_fit", "rapport", "fit_wishes")) {
            columns.add("corr(" + p + "::float8, capability_set) as r_" + p + ", regr_count(" + p
                    + "::float8, capability_set) as n_r_" + p);
        }
        return measures.formatted(String.join(",\n    ", columns));
    }

    record Scope(String name, String user, String column, long id) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String base = opt.getOrDefault("base", "http://127.0.0.1:18090");
        String password = opt.getOrDefault("password", "bench");
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "60"));
        int files = Integer.parseInt(opt.getOrDefault("files", "5"));
        int sqlRuns = Integer.parseInt(opt.getOrDefault("sql-runs", "30"));
        String jdbcUrl = opt.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/jcm_bench");
        statements = opt.getOrDefault("statements", "current");
        if (!List.of("current", "a1e975c", "898bf2d").contains(statements)) {
            throw new IllegalArgumentException("--statements current, a1e975c or 898bf2d");
        }
        String dbUser = opt.getOrDefault("db-user", "postgres");
        if (!URI.create(base).getHost().equals("127.0.0.1") && !URI.create(base).getHost().equals("localhost")) {
            throw new IllegalArgumentException("only a local server is benchmarked: " + base);
        }
        List<Scope> scopes = new ArrayList<>();
        for (String s : opt.getOrDefault("scopes", "municipality,everything").split(",")) {
            scopes.add(switch (s.trim()) {
                case "municipality" -> new Scope("municipality", opt.getOrDefault("commissioner-user",
                        "benchgemeente"), "t.commissioner_id", Long.parseLong(opt.getOrDefault("commissioner", "1")));
                case "everything" -> new Scope("everything", opt.getOrDefault("researcher-user", "benchonderzoeker"),
                        "1", 1);
                default -> throw new IllegalArgumentException("unknown scope " + s);
            });
        }

        if (opt.containsKey("explain")) {
            try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, opt.getOrDefault("db-password", "x"))) {
                for (Scope scope : scopes) {
                    explain(db, scope, Integer.parseInt(opt.get("explain")));
                }
            }
            return;
        }

        List<Series> series = new ArrayList<>();
        Map<String, Integer> population = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, opt.getOrDefault("db-password", "x"))) {
            for (Scope scope : scopes) {
                population.put(scope.name(), count(db, scope));
            }
            boolean flagged = false;
            // HTTP: the report as the application serves it.
            for (Scope scope : scopes) {
                HttpClient client = login(base, scope.user(), password);
                int expected = population.get(scope.name());
                var page = new Endpoint(scope, "page", "/report", false, Kind.HTML, expected);
                var fragment = new Endpoint(scope, "fragment", "/report", true, Kind.FRAGMENT, expected);
                for (int i = 0; i < warmup; i++) {
                    page.fetch(client, base);
                    fragment.fetch(client, base);
                }
                if (!flagged && opt.containsKey("measure-flag")) { // tells an outside observer the measuring begins
                    Files.writeString(Path.of(opt.get("measure-flag")), "measuring\n");
                    flagged = true;
                }
                series.add(page.measure(client, base, requests));
                series.add(fragment.measure(client, base, requests));
                for (var file : List.of(new Endpoint(scope, "pdf", "/report.pdf", false, Kind.PDF, expected),
                        new Endpoint(scope, "csv", "/report.csv", false, Kind.CSV, expected))) {
                    for (int i = 0; i < 2; i++) {
                        file.fetch(client, base);
                    }
                    series.add(file.measure(client, base, files));
                }
            }
            // JDBC: the same statements bare, and the aggregate the database could compute alone.
            for (Scope scope : scopes) {
                series.addAll(sql(db, scope, sqlRuns));
            }
        }

        System.out.printf(Locale.ROOT,
                "base=%s warmup=%d requests=%d files=%d sql-runs=%d statements=%s (sequential, one connection)%n",
                base, warmup, requests, files, sqlRuns, statements);
        population.forEach((scope, n) -> System.out.printf(Locale.ROOT, "population %s: %d trajectories%n", scope, n));
        System.out.printf(Locale.ROOT, "%-13s %-22s %4s %9s %9s %9s %9s %9s %9s %9s%n", "scope", "what", "n", "min",
                "median", "mean", "p95", "p99", "max", "bytes/rows");
        for (Series s : series) {
            double[] v = s.samples.clone();
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "%-13s %-22s %4d %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9d%n", s.scope,
                    s.what, v.length, v[0], median(v), Arrays.stream(v).average().orElse(0), rank(v, 95), rank(v, 99),
                    v[v.length - 1], s.size);
        }
        System.out.println("(times in ms; HTTP: client side, send to last byte; SQL: execute to last row read)");
        System.out.println();
        System.out.println("ratios (medians): report time / its own SQL (rows + work values + months, all rows read);"
                + " report time / the pure aggregate (table aggregate + work values + months)");
        for (Scope scope : scopes) {
            double own = medianOf(series, scope.name(), "sql: report statements");
            double aggregate = medianOf(series, scope.name(), "sql: pure aggregate");
            for (String what : List.of("page", "fragment")) {
                double report = medianOf(series, scope.name(), what);
                System.out.printf(Locale.ROOT, "%-13s %-9s %8.1f ms / own SQL %7.1f ms = %5.2f   / aggregate %7.1f ms = %5.2f%n",
                        scope.name(), what, report, own, report / own, aggregate, report / aggregate);
            }
        }

        if (opt.containsKey("raw")) {
            Path path = Path.of(opt.get("raw"));
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (var out = new PrintWriter(Files.newBufferedWriter(path))) {
                out.println("scope,what,seq,ms");
                for (Series s : series) {
                    for (int i = 0; i < s.samples.length; i++) {
                        out.printf(Locale.ROOT, "%s,%s,%d,%.3f%n", s.scope, s.what, i + 1, s.samples[i]);
                    }
                }
            }
        }
    }

    // ---- HTTP ----

    enum Kind { HTML, FRAGMENT, PDF, CSV }

    record Series(String scope, String what, double[] samples, long size) {
    }

    private static final class Endpoint {
        final Scope scope;
        final String name;
        final String path;
        final boolean htmx;
        final Kind kind;
        final int expected;
        long bytes;

        Endpoint(Scope scope, String name, String path, boolean htmx, Kind kind, int expected) {
            this.scope = scope;
            this.name = name;
            this.path = path;
            this.htmx = htmx;
            this.kind = kind;
            this.expected = expected;
        }

        Series measure(HttpClient client, String base, int n) throws IOException, InterruptedException {
            double[] samples = new double[n];
            for (int i = 0; i < n; i++) {
                samples[i] = fetch(client, base);
            }
            return new Series(scope.name(), name, samples, bytes);
        }

        /** One request; returns milliseconds; checks status and content. */
        double fetch(HttpClient client, String base) throws IOException, InterruptedException {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(120));
            if (htmx) {
                builder.header("HX-Request", "true");
            }
            var request = builder.build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long end = System.nanoTime();
            String where = scope.name() + " " + name + " " + path;
            if (response.statusCode() != 200) {
                fail(where + ": status " + response.statusCode());
            }
            byte[] body = response.body();
            bytes = body.length;
            switch (kind) {
                case HTML, FRAGMENT -> {
                    String html = new String(body, StandardCharsets.UTF_8);
                    if ((kind == Kind.HTML) != html.contains("<html")) {
                        fail(where + ": expected " + (kind == Kind.HTML ? "a full page" : "a fragment"));
                    }
                    Matcher m = POPULATION.matcher(html);
                    if (!m.find()) {
                        fail(where + ": no population on the page (refused or suppressed?)");
                    }
                    int shown = Integer.parseInt(m.group(1).replaceAll("[^0-9]", ""));
                    // the count is published with the cell key method's noise (CellKeyPerturbation, -2 to +2)
                    if (Math.abs(shown - expected) > 2) {
                        fail(where + ": population " + shown + ", the SQL counts " + expected);
                    }
                }
                case PDF -> {
                    if (body.length < 1000 || !new String(body, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
                        fail(where + ": not a PDF");
                    }
                }
                case CSV -> {
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (!type.startsWith("text/csv") || body.length < 200) {
                        fail(where + ": not a CSV (" + type + ", " + body.length + " bytes)");
                    }
                }
            }
            return (end - start) / 1_000_000.0;
        }
    }

    /** One form login, with its own cookies. Exits on any failure at once: a user is blocked after 5 failures. */
    private static HttpClient login(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200) {
            fail("GET /login answered " + form.statusCode());
        }
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            fail("no _csrf field on /login");
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        var post = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        String location = post.headers().firstValue("Location").orElse("");
        if (post.statusCode() != 302 || location.contains("/login")) {
            fail("login of " + user + " failed: " + post.statusCode() + " -> " + location);
        }
        return client;
    }

    // ---- SQL ----

    /** The report's population: the rows the rows statement returns. */
    private static int count(Connection db, Scope scope) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select count(*)" + FROM + where(scope.column()))) {
            ps.setLong(1, scope.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<Series> sql(Connection db, Scope scope, int runs) throws SQLException {
        String rows = rowsSql(scope.column());
        String values = workValuesSql(scope.column());
        String months = monthsSql(scope.column());
        String aggregate = aggregateSql(scope.column());
        db.setAutoCommit(false);
        db.setReadOnly(true);
        int warm = 5;
        double[] own = new double[runs];
        double[] ownRows = new double[runs];
        double[] ownValues = new double[runs];
        double[] ownMonths = new double[runs];
        double[] pure = new double[runs];
        double[] pureTable = new double[runs];
        long rowCount = 0;
        for (int i = -warm; i < runs; i++) {
            long t0 = System.nanoTime();
            rowCount = readRows(db, rows, scope.id());
            long t1 = System.nanoTime();
            if (!v69()) { // since V69 the work values come with the rows
                readAll(db, values, scope.id());
            }
            long t2 = System.nanoTime();
            readAll(db, months, scope.id());
            long t3 = System.nanoTime();
            db.commit();
            long t4 = System.nanoTime();
            readAll(db, aggregate, scope.id());
            long t5 = System.nanoTime();
            readAll(db, values, scope.id());
            readAll(db, months, scope.id());
            db.commit();
            long t6 = System.nanoTime();
            if (i >= 0) {
                own[i] = ms(t0, t4);
                ownRows[i] = ms(t0, t1);
                ownValues[i] = ms(t1, t2);
                ownMonths[i] = ms(t2, t3);
                pure[i] = ms(t4, t6);
                pureTable[i] = ms(t4, t5);
            }
        }
        db.setReadOnly(false);
        db.setAutoCommit(true);
        return List.of(new Series(scope.name(), "sql: report statements", own, rowCount),
                new Series(scope.name(), "sql:   rows", ownRows, rowCount),
                new Series(scope.name(), "sql:   work values", ownValues, 14),
                new Series(scope.name(), "sql:   months", ownMonths, 12),
                new Series(scope.name(), "sql: pure aggregate", pure, 1),
                new Series(scope.name(), "sql:   table aggregate", pureTable, 1));
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the four statements of a scope, each run {@code warm} times first: as a custom plan
     * (what the first executions on a connection get) and as a generic plan (what PostgreSQL may choose once pgjdbc
     * prepares the statement server-side, from the fifth execution on a connection).
     */
    private static void explain(Connection db, Scope scope, int warm) throws SQLException {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("rows (ReportQuery.rows)", rowsSql(scope.column()));
        statements.put("work values (ReportQuery.workValues)", workValuesSql(scope.column()));
        statements.put("months (ReportQuery.months)", monthsSql(scope.column()));
        statements.put("pure aggregate of the table (benchmark only)", aggregateSql(scope.column()));
        try (var st = db.createStatement()) {
            for (var e : statements.entrySet()) {
                st.execute("prepare q(bigint) as " + e.getValue().replace("?", "$1"));
                for (String mode : List.of("custom", "generic")) {
                    st.execute("set plan_cache_mode = force_" + mode + "_plan");
                    for (int i = 0; i < warm; i++) {
                        try (ResultSet rs = st.executeQuery("execute q(" + scope.id() + ")")) {
                            while (rs.next()) {
                                // read and discard
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "%n### %s: %s, %s plan, $1 = %d%n", scope.name(), e.getKey(), mode,
                            scope.id());
                    try (ResultSet rs = st.executeQuery("explain (analyze, buffers) execute q(" + scope.id() + ")")) {
                        while (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
                st.execute("reset plan_cache_mode");
                st.execute("deallocate q");
            }
        }
        System.out.println();
        System.out.println("### the statements (? is the scope: t.commissioner_id for a municipality, 1 for everything)");
        statements.forEach((name, sql) -> System.out.printf(Locale.ROOT, "%n-- %s%n%s;%n", name, sql));
    }

    /** The rows statement, every column read as ReportQuery.row reads it. */
    private static long readRows(Connection db, String sql, long scope) throws SQLException {
        long n = 0;
        long check = 0;
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    check += rs.getLong("id") + rs.getLong("coach_id") + rs.getLong("employer_id")
                            + rs.getLong("commissioner_id") + rs.getString("phase").length();
                    check += rs.getObject("birth_date", LocalDate.class).getYear()
                            + rs.getObject("coaching_started_on", LocalDate.class).getDayOfYear();
                    for (String c : List.of("contract_hours", "months_0_3", "hours_total_0_3", "hours_employee_0_3",
                            "hours_employer_0_3", "months_3_6", "hours_total_3_6", "hours_employee_3_6",
                            "hours_employer_3_6", "rapport_employee", "fit_wishes")) {
                        BigDecimal d = rs.getBigDecimal(c);
                        check += d == null ? 0 : d.signum();
                    }
                    check += (rs.getBoolean("retained") ? 1 : 0) + (rs.getBoolean("positive_development") ? 1 : 0);
                    for (String c : List.of("job_fit_latest", "capability_set_latest", "reaction_employer",
                            "reaction_colleagues", "coach_value")) {
                        check += rs.getInt(c);
                    }
                    if (v69()) {
                        String t0 = rs.getString("work_values_t0");
                        String t2 = rs.getString("work_values_t2");
                        check += (t0 == null ? 0 : t0.charAt(0)) + (t2 == null ? 0 : t2.charAt(1));
                    }
                    String a = rs.getString("disclosed_employer");
                    String b = rs.getString("disclosed_colleagues");
                    check += (a == null ? 0 : a.length()) + (b == null ? 0 : b.length());
                }
            }
        }
        if (check == 42) { // keeps the reads from being optimised away
            System.out.print("");
        }
        return n;
    }

    /** Any statement: every row, every column as text. */
    private static void readAll(Connection db, String sql, long scope) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int length = 0;
                while (rs.next()) {
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String s = rs.getString(c);
                        length += s == null ? 0 : s.length();
                    }
                }
                if (length < 0) {
                    System.out.print("");
                }
            }
        }
    }

    // ---- statistics and helpers ----

    private static double ms(long from, long to) {
        return (to - from) / 1_000_000.0;
    }

    private static double medianOf(List<Series> series, String scope, String what) {
        for (Series s : series) {
            if (s.scope.equals(scope) && s.what.equals(what)) {
                double[] v = s.samples.clone();
                Arrays.sort(v);
                return median(v);
            }
        }
        return Double.NaN;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted samples. */
    private static double rank(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void fail(String message) {
        System.err.println("FAILED: " + message);
        System.exit(1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --name value ... (got " + a + ")");
            }
            opt.put(a.substring(2), args[++i]);
        }
        return opt;
    }
}

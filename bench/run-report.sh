#!/usr/bin/env bash
# End-to-end benchmark of the study report (issue 4): build, fresh database ($BENCH_DB, default jcm_bench), schema by the application's
# Flyway migrations, bulk load (bench/generate.sql, then bench/generate-report.sql: the outcomes read models of all
# 200,000 trajectories and the users benchgemeente and benchonderzoeker), vacuum analyze, a check of the generated read
# models against the application's own calculator, start the application, measure (bench/ReportBenchmark.java: the
# report over HTTP for one municipality and for everything, and its SQL over JDBC), query plans, stop. Optionally the
# application's own rebuild of all indicators, timed on a copy of the database. The shared steps are in bench/lib.sh.
# The application this script starts is stopped on every exit path (trap).
#
#   bench/run-report.sh                      # everything, results in bench/results/<UTC timestamp>-report/
#                                            # (raw outputs, ignored by git, and the committed summary.md)
#   SKIP_LOAD=1 JCM_JAR=/path/app.jar bench/run-report.sh   # measure again on the data already loaded
#
# Environment (defaults in brackets), besides those of bench/run.sh (PGHOST, PGPORT, PGUSER, BUILD_REF, JCM_JAR,
# SKIP_LOAD, APP_ARGS, QUIET_PCT, QUIET_WAIT, ATTEMPTS, FOREIGN_MAX, RESULTS):
#   BENCH_PORT [18090]          port of the application under test
#   BUILD_DIR [/tmp/jcm-report-bench-build]
#   WARMUP [10], REQUESTS [60]  unmeasured and measured requests per scope, each of the page and the htmx fragment
#   FILES [5]                   measured requests per scope of /report.pdf and of /report.csv (after 2 unmeasured)
#   SQL_RUNS [30]               measured runs of the SQL per scope (after 5 unmeasured)
#   STATEMENTS [current]        which version of the report's SQL the client runs bare: current, or 898bf2d (before
#                               the changes of bench/README.md "Study report"; for BUILD_REF=898bf2d)
#   JAVA_OPTS                   JVM options of the application, e.g. a JFR recording
#   CHECK [1, 0 with SKIP_LOAD=1]  compare 500 generated trajectories with the application's own calculator
#   REBUILD [0], REBUILD_MAX [900]   time the application's --jcm.rebuild-indicators on a copy of the database
#                               (<BENCH_DB>_rebuild, dropped afterwards); stopped after REBUILD_MAX s, with the progress so far
set -euo pipefail

WARMUP="${WARMUP:-10}"
REQUESTS="${REQUESTS:-60}"
FILES="${FILES:-5}"
SQL_RUNS="${SQL_RUNS:-30}"
STATEMENTS="${STATEMENTS:-current}"
BENCH_PORT="${BENCH_PORT:-18090}"
BUILD_DIR="${BUILD_DIR:-/tmp/jcm-report-bench-build}"
RESULTS_SUFFIX=-report
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MEASURED="study report: warm-up $WARMUP, measured $REQUESTS per scope and page/fragment, $FILES per PDF/CSV, SQL runs $SQL_RUNS of the statements of $STATEMENTS"

DRIVER="$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.11/postgresql-42.7.11.jar 2>/dev/null ||
          ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)"

build_jar
record_environment
load_database

# Check the generated read models on a sample: the application computes 500 trajectories itself on start
# (bench/check-report-data.sql). The same start shows whether the application finds anything to catch up (it must
# not: planned waves, missing indicators would run beside the measurement).
if [[ "${CHECK:-$([[ "${SKIP_LOAD:-}" == 1 ]] && echo 0 || echo 1)}" == 1 ]]; then
    log "checking the generated read models against the application's calculator (500 trajectories)"
    psql_db -v phase=save -f "$BENCH_DIR/check-report-data.sql" >"$RESULTS/check.txt" 2>&1
    start_app "$RESULTS/app-check.out.txt"
    for _ in $(seq 1 300); do
        grep -q "Computed the indicators of" "$RESULTS/app-check.out.txt" && break
        sleep 1
    done
    stop_app
    grep -h "Computed the indicators of\|Planned .* measurement waves" "$RESULTS/app-check.out.txt" >>"$RESULTS/check.txt" || true
    psql_db -v phase=compare -f "$BENCH_DIR/check-report-data.sql" >>"$RESULTS/check.txt" 2>&1
    psql_db -c "vacuum (analyze) trajectory_indicator, trajectory_month, wave_indicator, wave_work_value, signal" \
        >>"$RESULTS/check.txt" 2>&1
    cat "$RESULTS/check.txt" >>"$RESULTS/run.txt"
fi

# Measure (bench/lib.sh: a fresh application per attempt, a quiet machine, repeated when disturbed).
report_client() { # $1 = attempt, $2 = flag file
    exec java -cp "$DRIVER" "$BENCH_DIR/ReportBenchmark.java" --base "http://127.0.0.1:$PORT" \
        --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB" --db-user "$PGUSER" --warmup "$WARMUP" --requests "$REQUESTS" \
        --files "$FILES" --sql-runs "$SQL_RUNS" --statements "$STATEMENTS" --raw "$RESULTS/samples-$1.csv" \
        --measure-flag "$2"
}
report_server_times() { # $1 = attempt: Tomcat's time of the measured requests, in the client's order per scope
    awk -v w="$WARMUP" -v n="$REQUESTS" -v f="$FILES" '
        function stats(name, values, k,   i, j, t, m, i95) {
            for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
            m = k % 2 ? values[(k + 1) / 2] : (values[k / 2] + values[k / 2 + 1]) / 2
            i95 = int(0.95 * k); if (i95 < 0.95 * k) i95++
            printf "%-24s %4d %9.1f %9.1f %9.1f\n", name, k, m, values[i95], values[k]
        }
        { sub(/-$/, "", $2) }
        $1 == "GET" && $3 == 200 { ms = $4 / 1000 }
        $1 == "GET" && $3 == 200 && $2 == "/report" { r++; s = int((r - 1) / (2 * w + 2 * n)); i = (r - 1) % (2 * w + 2 * n)
            if (i >= 2 * w && i < 2 * w + n) page[s, i - 2 * w + 1] = ms
            if (i >= 2 * w + n) fragment[s, i - 2 * w - n + 1] = ms }
        $1 == "GET" && $3 == 200 && $2 == "/report.pdf" { p++; s = int((p - 1) / (2 + f)); i = (p - 1) % (2 + f); if (i >= 2) pdf[s, i - 1] = ms }
        $1 == "GET" && $3 == 200 && $2 == "/report.csv" { c++; s = int((c - 1) / (2 + f)); i = (c - 1) % (2 + f); if (i >= 2) csv[s, i - 1] = ms }
        END {
            printf "server side (Tomcat access log, request received to response written), ms:\n"
            printf "%-24s %4s %9s %9s %9s\n", "scope what", "n", "median", "p95", "max"
            split("municipality everything", scope, " ")
            for (s = 0; s < 2; s++) {
                delete v; for (i = 1; i <= n; i++) v[i] = page[s, i]; stats(scope[s + 1] " page", v, n)
                delete v; for (i = 1; i <= n; i++) v[i] = fragment[s, i]; stats(scope[s + 1] " fragment", v, n)
                delete v; for (i = 1; i <= f; i++) v[i] = pdf[s, i]; stats(scope[s + 1] " pdf", v, f)
                delete v; for (i = 1; i <= f; i++) v[i] = csv[s, i]; stats(scope[s + 1] " csv", v, f)
            }
        }' "$RESULTS/access-$1.txt" >"$RESULTS/server-times-$1.txt"
    cat "$RESULTS/server-times-$1.txt" | tee -a "$RESULTS/run.txt"
    cp "$RESULTS/server-times-$1.txt" "$RESULTS/server-times.txt"
}
log "java bench/ReportBenchmark.java --warmup $WARMUP --requests $REQUESTS --files $FILES --sql-runs $SQL_RUNS, per attempt"
measure_attempts report_client report_server_times

# Plans of the report's statements for both scopes, on a warm cache, as custom and as generic plans.
java -cp "$DRIVER" "$BENCH_DIR/ReportBenchmark.java" --jdbc "jdbc:postgresql://$PGHOST:$PGPORT/$DB" --db-user "$PGUSER" \
    --statements "$STATEMENTS" --explain 2 >"$RESULTS/explain.txt" 2>&1
log "plans in $RESULTS/explain.txt"

# Optional: the application's own rebuild of every indicator (OutcomesManagement.rebuild, one transaction), on a copy.
if [[ "${REBUILD:-0}" == 1 ]]; then
    REBUILD_DB="${DB}_rebuild"
    log "rebuild: copying $DB to $REBUILD_DB"
    psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $REBUILD_DB with (force)" \
        -c "create database $REBUILD_DB template $DB"
    size0=$(psql -X -A -t -d $REBUILD_DB -c "select pg_relation_size('trajectory_month')")
    wait_for_quiet
    BENCH_DB="$DB"
    DB="$REBUILD_DB"
    t0=$SECONDS
    APP_ARGS="${APP_ARGS:-} --jcm.rebuild-indicators" start_app "$RESULTS/app-rebuild.out.txt"
    {
        echo "rebuild on a copy of $BENCH_DB ($REBUILD_DB), at most ${REBUILD_MAX:-900} s; progress = growth of trajectory_month's heap"
        echo "(the rebuild deletes and re-inserts every row in one transaction, so the heap grows by one table's worth)"
        printf '%8s %10s\n' seconds progress
    } >"$RESULTS/rebuild.txt"
    while ! grep -q "Rebuilt the indicators of" "$RESULTS/app-rebuild.out.txt"; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            log "rebuild: the application exited, see app-rebuild.out.txt"
            break
        fi
        size=$(psql -X -A -t -d $REBUILD_DB -c "select pg_relation_size('trajectory_month')")
        printf '%8d %9.1f%%\n' $(( SECONDS - t0 )) "$(awk -v a="$size0" -v b="$size" 'BEGIN { print 100 * (b - a) / a }')" \
            >>"$RESULTS/rebuild.txt"
        if (( SECONDS - t0 >= ${REBUILD_MAX:-900} )); then
            echo "stopped after $(( SECONDS - t0 )) s" >>"$RESULTS/rebuild.txt"
            break
        fi
        sleep 30
    done
    grep -h "Rebuilt the indicators of" "$RESULTS/app-rebuild.out.txt" >>"$RESULTS/rebuild.txt" || true
    stop_app
    DB="$BENCH_DB"
    psql -X -q -d postgres -c "drop database if exists $REBUILD_DB with (force)"
    cat "$RESULTS/rebuild.txt" | tee -a "$RESULTS/run.txt"
fi
write_summary "study report benchmark"
log "done: $RESULTS"

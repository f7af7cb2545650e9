#!/usr/bin/env bash
# End-to-end page benchmark: build, fresh database ($BENCH_DB, default jcm_bench), schema by the application's Flyway migrations, bulk
# load (bench/generate.sql and bench/generate-report.sql), vacuum analyze, start the application, measure, query-plan
# capture, stop. The shared steps are in bench/lib.sh (also used by bench/run-report.sh).
# The application this script starts is stopped on every exit path (trap).
#
#   bench/run.sh                      # everything, results in bench/results/<timestamp>/ (raw outputs, ignored by
#                                     # git, and summary.md, the run's committed record)
#   JCM_JAR=/path/app.jar bench/run.sh   # skip the build, use this jar
#
# Environment (defaults in brackets):
#   PGHOST [127.0.0.1], PGPORT [5432], PGUSER [postgres]   the PostgreSQL server
#   BENCH_DB [jcm_bench]        the database, dropped and recreated (unless SKIP_LOAD=1)
#   BENCH_PORT [18080]          port of the application under test
#   WARMUP [20], REQUESTS [200] unmeasured and measured requests per page
#   RESULTS [bench/results/<UTC timestamp>]
#   BUILD_REF                   build this commit (git archive) instead of a copy of the working tree
#   BUILD_DIR [/tmp/jcm-bench-build], or JCM_JAR: use this jar, no build
#   SKIP_LOAD=1                 reuse the loaded database (no drop, no schema start, no load)
#   APP_ARGS                    extra application arguments, for experiments
#   QUIET_PCT [30], QUIET_WAIT [1200]  before each attempt, wait up to QUIET_WAIT s until the whole machine's CPU use
#                               over 5 s is below QUIET_PCT % (the machine is shared; a concurrent build distorts
#                               every figure)
#   ATTEMPTS [5], FOREIGN_MAX [15]     see step 5
set -euo pipefail

WARMUP="${WARMUP:-20}"
REQUESTS="${REQUESTS:-200}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
MEASURED="warm-up: $WARMUP, measured: $REQUESTS per page"

build_jar
record_environment
load_database

TRAJECTORY="$(psql_db -A -t -c "select c.trajectory_id from contact c join trajectory t on t.id = c.trajectory_id
    join app_user u on u.id = t.coach_id where u.username = 'benchcoach' group by c.trajectory_id
    having count(*) = 100 order by c.trajectory_id limit 1")"
log "benchcoach's trajectory with 100 contacts: $TRAJECTORY"

# 5. Measure (bench/lib.sh: a fresh application per attempt, a quiet machine, repeated when disturbed).
server_times() { # $1 = access log: the same statistics, server side (Tomcat %D), over the last REQUESTS of each page
    local path
    printf 'server side (Tomcat access log, request received to response written), last %s requests per page:\n' "$REQUESTS"
    printf '%-45s %8s %8s %8s %8s\n' path median p95 p99 max
    for path in /caseload "/trajectories/$TRAJECTORY" "/trajectories/$TRAJECTORY?contacts=all"; do
        awk -v p="$path" '{ sub(/-$/, "", $2) } $1 == "GET" && $2 == p { print $4 / 1000 }' "$1" | tail -n "$REQUESTS" | sort -n |
            awk -v p="$path" '{ v[NR] = $1 } END {
                if (NR == 0) exit
                m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                i95 = int(0.95 * NR); if (i95 < 0.95 * NR) i95++
                i99 = int(0.99 * NR); if (i99 < 0.99 * NR) i99++
                printf "%-45s %8.2f %8.2f %8.2f %8.2f\n", p, m, v[i95], v[i99], v[NR] }'
    done
}
page_client() { # $1 = attempt, $2 = flag file
    exec java "$BENCH_DIR/PageBenchmark.java" --base "http://127.0.0.1:$PORT" --user benchcoach --password bench \
        --trajectory "$TRAJECTORY" --warmup "$WARMUP" --requests "$REQUESTS" --raw "$RESULTS/samples-$1.csv" \
        --measure-flag "$2"
}
page_server_times() { # $1 = attempt
    server_times "$RESULTS/access-$1.txt" >"$RESULTS/server-times-$1.txt"
    cat "$RESULTS/server-times-$1.txt" | tee -a "$RESULTS/run.txt"
    cp "$RESULTS/server-times-$1.txt" "$RESULTS/server-times.txt"
}
log "java bench/PageBenchmark.java --trajectory $TRAJECTORY --warmup $WARMUP --requests $REQUESTS, per attempt"
measure_attempts page_client page_server_times
start_app "$RESULTS/app-stats.out.txt"

# 6. Table access per page view: pg_stat_user_tables before and after 50 views of one page (includes one login).
scan_stats() {
    psql_db -A -t -F ' ' -c "select relname, seq_scan, coalesce(idx_scan, 0), n_tup_ins + n_tup_upd + n_tup_del
                             from pg_stat_user_tables order by relname"
}
for page in caseload trajectory trajectory-all; do
    sleep 11 # the application's idle connections flush their statistics after 10 s
    scan_stats >"$RESULTS/.stats-before"
    java "$BENCH_DIR/PageBenchmark.java" --base "http://127.0.0.1:$PORT" --trajectory "$TRAJECTORY" \
        --pages "$page" --warmup 0 --requests 50 >/dev/null
    sleep 11
    scan_stats >"$RESULTS/.stats-after"
    {
        echo "== $page: table access per page view (50 views + 1 login, divided by 50) =="
        printf '%-28s %10s %10s %10s\n' table seq_scan idx_scan rows_written
        awk 'NR == FNR { s[$1] = $2; i[$1] = $3; w[$1] = $4; next }
             { ds = ($2 - s[$1]) / 50; di = ($3 - i[$1]) / 50; dw = ($4 - w[$1]) / 50;
               if (ds + di + dw > 0) printf "%-28s %10.2f %10.2f %10.2f\n", $1, ds, di, dw }' \
            "$RESULTS/.stats-before" "$RESULTS/.stats-after"
    } >>"$RESULTS/table-access.txt"
done
rm -f "$RESULTS/.stats-before" "$RESULTS/.stats-after"
cat "$RESULTS/table-access.txt" >>"$RESULTS/run.txt"

stop_app

# 7. Plans of the queries behind the two pages, with the same parameters, on a warm cache.
psql_db -v coach="$(psql_db -A -t -c "select id from app_user where username = 'benchcoach'")" \
    -v trajectory="$TRAJECTORY" -f "$BENCH_DIR/explain.sql" >"$RESULTS/explain.txt" 2>&1
log "plans in $RESULTS/explain.txt"
write_summary "page benchmark (caseload and trajectory page)"
log "done: $RESULTS"

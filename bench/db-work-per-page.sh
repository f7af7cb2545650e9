#!/usr/bin/env bash
# The database work of one page view, counted by PostgreSQL rather than timed, so a busy machine does not change it:
# transactions (commits; each is a round trip, and one that wrote something a WAL flush) and statements by kind
# (pg_stat_database, pg_stat_user_tables) over 100 views of a page by one logged-in coach, divided by 100.
# Compares jars, e.g. before and after a change in how sessions or the access log are written.
#
#   BENCH_DB=jcm_bench_load bench/db-work-per-page.sh OLD.jar NEW.jar ...
set -euo pipefail
BENCH_PORT="${BENCH_PORT:-18380}"
RESULTS_SUFFIX=-db-work
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
VIEWS=100
TRAJECTORY=1 # benchcoach's trajectory with 100 contacts (generate.sql)
counters() {
    psql_db -A -t -F ' ' -c "select 'commits', xact_commit from pg_stat_database where datname = current_database()
        union all select 'spring_session_writes', sum(n_tup_ins + n_tup_upd + n_tup_del) from pg_stat_user_tables
                  where relname like 'spring_session%'
        union all select 'audit_event_inserts', n_tup_ins from pg_stat_user_tables where relname = 'audit_event'
        union all select 'audit_chain_head_updates', n_tup_upd from pg_stat_user_tables where relname = 'audit_chain_head'"
}
for JAR in "$@"; do
    start_app "$RESULTS/app-$(basename "$JAR").out.txt"
    for page in caseload trajectory; do
        java "$BENCH_DIR/PageBenchmark.java" --base "http://127.0.0.1:$PORT" --user benchcoach --password bench \
            --trajectory "$TRAJECTORY" --expect-recent 10 --pages "$page" --warmup 20 --requests 1 >/dev/null
        sleep 11 # idle connections report their statistics after 10 s at the latest
        counters >"$RESULTS/.before"
        java "$BENCH_DIR/PageBenchmark.java" --base "http://127.0.0.1:$PORT" --user benchcoach --password bench \
            --trajectory "$TRAJECTORY" --expect-recent 10 --pages "$page" --warmup 0 --requests "$VIEWS" >/dev/null
        sleep 11
        counters >"$RESULTS/.after"
        awk -v jar="$(basename "$JAR")" -v page="$page" -v n="$VIEWS" 'NR == FNR { b[$1] = $2; next }
            { printf "%s %s %s per view: %.2f\n", jar, page, $1, ($2 - b[$1]) / n }' "$RESULTS/.before" "$RESULTS/.after" |
            tee -a "$RESULTS/benchmark.txt"
    done
    stop_app
done
rm -f "$RESULTS/.before" "$RESULTS/.after"
echo "(each run of $VIEWS views includes one login)" >>"$RESULTS/benchmark.txt"
write_summary "database work per page view"

#!/usr/bin/env bash
# Load that looks like a working week (bench/README.md "Load: a working week"): the Gatling simulation
# src/test/java/bench/WorkingWeekSimulation.java against one instance on the 200,000-trajectory data, within a stated
# heap. Build and load as bench/run.sh (bench/lib.sh), then bench/generate-load.sql (managers, questionnaire links),
# start the application, run Gatling, record the heap, the machine's load and the contacts written, stop.
#
#   BENCH_DB=jcm_bench_load bench/load-week.sh                    # everything (fresh database, about 10 minutes load)
#   BENCH_DB=jcm_bench_load SKIP_LOAD=1 bench/load-week.sh        # again on the loaded data
#
# Environment (defaults in brackets), besides those of bench/run.sh (PGHOST, BENCH_DB, BUILD_REF, JCM_JAR, SKIP_LOAD,
# APP_ARGS, QUIET_PCT, QUIET_WAIT):
#   BENCH_PORT [18380]   port of the application
#   HEAP [1g]            the application's heap (-Xms and -Xmx); JAVA_OPTS replaces all JVM options
#   GATLING_OPTS         system properties of the simulation, e.g. "-Dsteady=600 -Dcoaches=180 -Dthink=1.0"
#                        (see the simulation's Javadoc)
set -euo pipefail

BENCH_PORT="${BENCH_PORT:-18380}"
BUILD_DIR="${BUILD_DIR:-/tmp/jcm-load-build}"
RESULTS_SUFFIX=-load
QUIET_WAIT="${QUIET_WAIT:-60}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HEAP="${HEAP:-1g}"
JAVA_OPTS="${JAVA_OPTS:--Xms$HEAP -Xmx$HEAP -Xlog:gc:file=$RESULTS/gc.log}"
MEASURED="Gatling WorkingWeekSimulation ${GATLING_OPTS:-}, heap $HEAP"

build_jar
record_environment
load_database

log "users and questionnaire links (bench/generate-load.sql)"
psql_db -v links="$RESULTS/links.csv" -f "$BENCH_DIR/generate-load.sql" >"$RESULTS/load-links.txt" 2>&1 ||
    { cat "$RESULTS/load-links.txt" >&2; exit 1; }
log "$(grep -A2 open_links "$RESULTS/load-links.txt" | tail -1 | tr -d ' ') questionnaire links open"

start_app "$RESULTS/app.out.txt" access
wait_for_quiet
contacts_before=$(psql_db -A -t -c "select count(*) from contact")
audit_before=$(psql_db -A -t -c "select count(*) from audit_event")
log "load average before: $(cat /proc/loadavg)"
rm -f "$RESULTS/.measured"
monitor_load "$RESULTS/.measured" "$RESULTS/machine-load.txt" "$RESULTS/.measured-start" &
MONITOR_PID=$!
touch "$RESULTS/.measured-start"
set +e
(cd "$PROJECT_DIR" && ./mvnw -o -ntp test-compile gatling:test -Dbase="http://127.0.0.1:$PORT" \
    -Dlinks="$RESULTS/links.csv" -Dgatling.resultsFolder="$RESULTS/gatling" ${GATLING_OPTS:-}) >"$RESULTS/gatling.txt" 2>&1
GATLING_STATUS=$?
set -e
touch "$RESULTS/.measured"
wait "$MONITOR_PID" || true
MONITOR_PID=""
log "load average after: $(cat /proc/loadavg)"
log "gatling exit status $GATLING_STATUS (non-zero: an aim (assertion) missed or the run failed)"
jcmd "$APP_PID" GC.heap_info >"$RESULTS/heap.txt" 2>&1 || true
sleep 2
contacts_after=$(psql_db -A -t -c "select count(*) from contact")
audit_after=$(psql_db -A -t -c "select count(*) from audit_event")
chain_ok=$(psql_db -A -t -c "select (select count(*) from audit_event) = (select seq from audit_chain_head)")
stop_app

# The summary: Gatling's figures per request (its report's js/stats.json), the heap, the writes.
{
    gatling_table "$RESULTS/gatling"
    echo
    echo "contacts: $contacts_before before, $contacts_after after: $(( contacts_after - contacts_before )) written"
    echo "access log rows: $(( audit_after - audit_before )) written; rows = chain head: $chain_ok"
    echo "heap ($HEAP): largest heap after a collection $(grep -o '[0-9]*M->[0-9]*M' "$RESULTS/gc.log" |
        sed 's/.*->//; s/M//' | sort -n | tail -1) MB, $(grep -c 'Pause Full' "$RESULTS/gc.log" || true) full collections"
} >"$RESULTS/gatling-summary.txt"
cat "$RESULTS/gatling-summary.txt" | tee -a "$RESULTS/run.txt"
log "contacts logged according to Gatling (OK): $(gatling_ok "$RESULTS/gatling" "coach: log contact"); in the database: $(( contacts_after - contacts_before ))"
cp "$RESULTS/gatling-summary.txt" "$RESULTS/benchmark.txt"
write_summary "load: a working week (Gatling)"
log "done: $RESULTS"

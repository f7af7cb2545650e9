#!/usr/bin/env bash
# Two instances on one PostgreSQL behind HAProxy (Debian's haproxy, /usr/sbin/haproxy), the Gatling simulation of
# bench/load-week.sh through it, and one instance stopped half-way (bench/README.md "Load: a working week").
# Checks: users stay logged in (sessions are in the database: a lost session shows as a KO, the page answers 302 to
# /login), no write lost or doubled (contacts in the database before and after against Gatling's successful posts),
# scheduled jobs run once (ShedLock: the reminder job every 15 s on both instances, counted in their logs).
#
#   BENCH_DB=jcm_bench_load SKIP_LOAD=1 bench/two-instances.sh     # on data loaded by bench/load-week.sh or run.sh
#   STICKY=1 ...                                                    # sticky sessions (a cookie of HAProxy)
#
# Environment (defaults in brackets), besides those of bench/load-week.sh:
#   PROXY_PORT [18390], PORT_A [18381], PORT_B [18382]
#   MGMT_PORT_A [18383], MGMT_PORT_B [18384]   the instances' actuator (management port, 127.0.0.1): HAProxy checks
#                        readiness there, on threads of its own, not queued behind the pages; empty: on PORT_A/PORT_B
#   STICKY [0]           0: round robin on every request (each user's requests alternate between the instances)
#   STOP_AFTER [half of ramp + steady]   seconds after Gatling's start at which instance B is stopped (SIGTERM: its
#                        readiness turns 503 and it serves on for JCM_SHUTDOWN_DRAIN while HAProxy's health check takes
#                        it out, then Spring Boot's graceful shutdown finishes the requests it has)
#   JCM_SHUTDOWN_DRAIN [15s]    more than HAProxy's inter x fall below (2 s x 2) plus a slow check on a loaded machine
#   JCM_SHUTDOWN_TIMEOUT [90s]  the graceful shutdown's limit for requests still running (the slowest was 85 s)
#   HEAP [512m]          heap of each instance
set -euo pipefail

PROXY_PORT="${PROXY_PORT:-18390}"
PORT_A="${PORT_A:-18381}"
PORT_B="${PORT_B:-18382}"
MGMT_PORT_A="${MGMT_PORT_A-18383}"
MGMT_PORT_B="${MGMT_PORT_B-18384}"
BENCH_PORT="$PORT_A"
BUILD_DIR="${BUILD_DIR:-/tmp/jcm-load-build}"
RESULTS_SUFFIX=-two-instances
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HEAP="${HEAP:-512m}"
JAVA_OPTS="${JAVA_OPTS:--Xms$HEAP -Xmx$HEAP}"
STICKY="${STICKY:-0}"
# The reminder job every 15 s on both instances (at most once a minute by its lock, lockAtLeastFor PT1M), and
# ShedLock's own log lines: "Locked ..." where it runs, "Not executing ... It's locked" where it does not.
export JCM_MEASUREMENT_REMINDERCRON='*/15 * * * * *'   # jcm.measurement.reminder-cron (a cron has spaces)
# Stopping instance b: drain first (readiness 503, still serving), then the graceful shutdown; stop_app waits for both.
export JCM_SHUTDOWN_DRAIN="${JCM_SHUTDOWN_DRAIN:-15s}"
export JCM_SHUTDOWN_TIMEOUT="${JCM_SHUTDOWN_TIMEOUT:-90s}"
STOP_WAIT="${STOP_WAIT:-150}"
APP_ARGS="${APP_ARGS:-} --logging.level.net.javacrumbs.shedlock=DEBUG"
GATLING_OPTS="${GATLING_OPTS:-}"
ramp=$(sed -n 's/.*-Dramp=\([0-9]*\).*/\1/p' <<<"$GATLING_OPTS"); ramp=${ramp:-60}
steady=$(sed -n 's/.*-Dsteady=\([0-9]*\).*/\1/p' <<<"$GATLING_OPTS"); steady=${steady:-300}
STOP_AFTER="${STOP_AFTER:-$(( (ramp + steady) / 2 ))}"
MEASURED="two instances behind HAProxy (sticky: $STICKY), Gatling WorkingWeekSimulation $GATLING_OPTS, heap $HEAP each, instance B stopped after $STOP_AFTER s"

PID_A="" PID_B="" PROXY_PID=""
stop_all() {
    local p
    for p in "$PID_A" "$PID_B"; do
        if [[ -n "$p" ]]; then APP_PID="$p"; stop_app; fi
    done
    if [[ -n "$PROXY_PID" ]]; then kill "$PROXY_PID" 2>/dev/null || true; fi
    if [[ -n "$MONITOR_PID" ]]; then kill "$MONITOR_PID" 2>/dev/null || true; fi
}
trap stop_all EXIT

build_jar
record_environment
load_database
log "users and questionnaire links (bench/generate-load.sql)"
psql_db -v links="$RESULTS/links.csv" -f "$BENCH_DIR/generate-load.sql" >"$RESULTS/load-links.txt" 2>&1 ||
    { cat "$RESULTS/load-links.txt" >&2; exit 1; }

management_args() { # $1 = management port, or empty
    if [[ -n "$1" ]]; then echo "--management.server.port=$1 --management.server.address=127.0.0.1"; fi
}
common_args="$APP_ARGS"
APP_ARGS="$common_args $(management_args "$MGMT_PORT_A")"
PORT="$PORT_A"; start_app "$RESULTS/app-a.out.txt"; PID_A="$APP_PID"; APP_PID=""
APP_ARGS="$common_args $(management_args "$MGMT_PORT_B")"
PORT="$PORT_B"; start_app "$RESULTS/app-b.out.txt"; PID_B="$APP_PID"; APP_PID=""
APP_ARGS="$common_args"
check_a="${MGMT_PORT_A:+ port $MGMT_PORT_A}" check_b="${MGMT_PORT_B:+ port $MGMT_PORT_B}"

if [[ "$STICKY" == 1 ]]; then
    balance="    balance roundrobin
    cookie JCMNODE insert indirect nocache"
    cookie_a=" cookie a" cookie_b=" cookie b"
else
    balance="    balance roundrobin"
    cookie_a="" cookie_b=""
fi
cat >"$RESULTS/haproxy.cfg" <<EOF
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    # a loaded instance answers /login slowly: a check that waits 1 s marks both down and HAProxy answers 503
    timeout check 10s
    # a connection refused by a stopping instance is tried again on the other (a request not yet sent is safe to send)
    retries 3
    option redispatch
frontend jcm
    bind 127.0.0.1:$PROXY_PORT
    default_backend instances
backend instances
$balance
    # readiness: 503 from the moment an instance is asked to stop, while it still serves for JCM_SHUTDOWN_DRAIN, so
    # HAProxy takes it out (inter x fall) before it closes connections; also 503 while an instance is starting
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server inter 2s fall 2 rise 2
    server a 127.0.0.1:$PORT_A check$check_a$cookie_a
    server b 127.0.0.1:$PORT_B check$check_b$cookie_b
EOF
/usr/sbin/haproxy -db -f "$RESULTS/haproxy.cfg" >"$RESULTS/haproxy.out.txt" 2>&1 &
PROXY_PID=$!
sleep 3
curl -sf -o /dev/null "http://127.0.0.1:$PROXY_PORT/login" || { echo "HAProxy does not answer" >&2; exit 1; }
log "HAProxy (pid $PROXY_PID) on $PROXY_PORT -> a:$PORT_A (pid $PID_A), b:$PORT_B (pid $PID_B), sticky: $STICKY"

wait_for_quiet
contacts_before=$(psql_db -A -t -c "select count(*) from contact")
completed_before=$(psql_db -A -t -c "select count(*) from response where completed_at is not null")
log "load average before: $(cat /proc/loadavg)"
(cd "$PROJECT_DIR" && ./mvnw -o -ntp test-compile gatling:test -Dbase="http://127.0.0.1:$PROXY_PORT" \
    -Dlinks="$RESULTS/links.csv" -Dgatling.resultsFolder="$RESULTS/gatling" $GATLING_OPTS) >"$RESULTS/gatling.txt" 2>&1 &
GATLING_PID=$!
# test-compile takes a while before Gatling starts: count from Gatling's first request.
until grep -q "Simulation bench.WorkingWeekSimulation started" "$RESULTS/gatling.txt" 2>/dev/null; do
    kill -0 "$GATLING_PID" 2>/dev/null || break
    sleep 1
done
sleep "$STOP_AFTER"
log "stopping instance b (pid $PID_B) after $STOP_AFTER s; load average $(cat /proc/loadavg)"
APP_PID="$PID_B"; stop_app; PID_B=""
log "instance b stopped"
set +e
wait "$GATLING_PID"
GATLING_STATUS=$?
set -e
log "load average after: $(cat /proc/loadavg); gatling exit status $GATLING_STATUS"
sleep 2
contacts_after=$(psql_db -A -t -c "select count(*) from contact")
completed_after=$(psql_db -A -t -c "select count(*) from response where completed_at is not null")
chain_ok=$(psql_db -A -t -c "select (select count(*) from audit_event) = (select seq from audit_chain_head)")
locked_a=$(grep -c "Locked 'measurement-reminders'" "$RESULTS/app-a.out.txt" || true)
locked_b=$(grep -c "Locked 'measurement-reminders'" "$RESULTS/app-b.out.txt" || true)
skipped=$(cat "$RESULTS/app-a.out.txt" "$RESULTS/app-b.out.txt" | grep -c "Not executing 'measurement-reminders'" || true)
{
    gatling_table "$RESULTS/gatling"
    echo
    ok=$(gatling_ok "$RESULTS/gatling" "coach: log contact")
    echo "contacts: $contacts_before before, $contacts_after after: $(( contacts_after - contacts_before )) written; Gatling: $ok posts answered OK"
    echo "questionnaires completed: $(( completed_after - completed_before ))"
    echo "access log: rows = chain head: $chain_ok"
    echo "reminder job (every 15 s on each instance, ShedLock): ran $locked_a times on a, $locked_b times on b; $skipped times skipped because locked"
} >"$RESULTS/benchmark.txt"
cat "$RESULTS/benchmark.txt" | tee -a "$RESULTS/run.txt"
write_summary "two instances behind HAProxy, one stopped half-way"
log "done: $RESULTS"

#!/usr/bin/env bash
# Backup and restore rehearsal (README "Operating"): pg_dump of a database, restored into a new database, the
# application started on the restored copy, the access log's hash chain checked there, and the study report compared
# with the original's, figure for figure (/report.csv with every digit).
#
#   bench/backup-restore.sh SOURCE_DB [TARGET_DB]        # TARGET_DB defaults to SOURCE_DB_restore (dropped first)
#
# Connects as PGUSER (default postgres: creates and drops the target database) to PGHOST:PGPORT (127.0.0.1:5432);
# the dump and the restore run as the schema's owner JCM_DB_OWNER_USER (jcm_owner), the application as JCM_DB_USER
# (jcm_app). The checks log in as REPORT_USER (onderzoeker: the report over everything) and AUDIT_USER (privacy: the
# access log's integrity) with CHECK_PASSWORD (demo), so on a database without the demo accounts give two accounts of
# your own; the check instances run with the second factor optional, on 127.0.0.1 only, and are stopped at the end.
# An empty SOURCE_DB gets the demo cohort on the first start (JCM_DEMO=true). Uses JCM_JAR or builds target/*.jar.
# Output in bench/results/<UTC timestamp>-backup/ (summary.txt, the dump, both reports, both logs).
set -euo pipefail

SOURCE="$1"
TARGET="${2:-${SOURCE}_restore}"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
OWNER="${JCM_DB_OWNER_USER:-jcm_owner}"
APP_USER="${JCM_DB_USER:-jcm_app}"
PORT="${BACKUP_PORT:-18095}"
REPORT_USER="${REPORT_USER:-onderzoeker}"
AUDIT_USER="${AUDIT_USER:-privacy}"
CHECK_PASSWORD="${CHECK_PASSWORD:-demo}"
RESULTS="$BENCH_DIR/results/$(date -u +%Y%m%d-%H%M%S)-backup"
mkdir -p "$RESULTS"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$RESULTS/summary.txt"; }

JAR="${JCM_JAR:-}"
if [[ -z "$JAR" ]]; then
    JAR="$(ls "$PROJECT_DIR"/target/jobcoach-monitor-*.jar 2>/dev/null | grep -v original | head -1 || true)"
    if [[ -z "$JAR" ]]; then
        (cd "$PROJECT_DIR" && ./mvnw -q -o -ntp -DskipTests package)
        JAR="$(ls "$PROJECT_DIR"/target/jobcoach-monitor-*.jar | grep -v original | head -1)"
    fi
fi

APP_PID=""
stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}
trap stop_app EXIT

start_app() { # $1 database, $2 log file: starts the jar and waits until it is ready (readiness probe)
    local t0=$SECONDS
    JCM_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" JCM_DB_OWNER_USER="$OWNER" JCM_DB_USER="$APP_USER" \
        JCM_DEMO="${JCM_DEMO:-true}" JCM_TWO_FACTOR=optional \
        java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 >"$2" 2>&1 &
    APP_PID=$!
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness")" == 200 ]]; do
        kill -0 "$APP_PID" 2>/dev/null || { log "the application on $1 stopped; see $2"; exit 1; }
        (( SECONDS - t0 < 600 )) || { log "the application on $1 was not ready after 600 s"; exit 1; }
        sleep 1
    done
    log "application ready on $1 after $(( SECONDS - t0 )) s"
}

login() { # $1 user, $2 cookie jar
    local csrf
    csrf="$(curl -s -c "$2" -b "$2" "http://127.0.0.1:$PORT/login" |
        grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')"
    curl -s -o /dev/null -c "$2" -b "$2" --data-urlencode "username=$1" --data-urlencode "password=$CHECK_PASSWORD" \
        --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
}

check() { # $1 database, $2 name: the report with every digit, and the access log's chain state
    local jar="$RESULTS/.cookies-$2"
    start_app "$1" "$RESULTS/app-$2.log"
    login "$REPORT_USER" "$jar"
    curl -s -f -b "$jar" "http://127.0.0.1:$PORT/report.csv?digits=all" >"$RESULTS/report-$2.csv"
    rm -f "$jar"
    login "$AUDIT_USER" "$jar"
    curl -s -f -b "$jar" "http://127.0.0.1:$PORT/audit?lang=en" | tr '\n' ' ' |
        grep -o '<p[^>]*id="chain-state"[^>]*>[^<]*</p>' | sed 's/<[^>]*>//g; s/^ *//' >"$RESULTS/chain-$2.txt" || true
    rm -f "$jar"
    stop_app
    log "$2: report $(wc -l <"$RESULTS/report-$2.csv") lines; access log: $(cat "$RESULTS/chain-$2.txt")"
}

log "backup and restore rehearsal: $SOURCE -> $TARGET ($(basename "$JAR"))"
check "$SOURCE" source
rows="$(psql -X -tA -d "$SOURCE" -c "select (select count(*) from trajectory) || ' trajectories, ' ||
    (select count(*) from contact) || ' contacts, ' || (select count(*) from audit_event) || ' access-log rows'")"
log "source: $rows, $(psql -X -tA -d "$SOURCE" -c "select pg_size_pretty(pg_database_size('$SOURCE'))") on disk"

t0=$(date +%s.%N)
pg_dump -U "$OWNER" -Fc -d "$SOURCE" -f "$RESULTS/$SOURCE.dump"
t1=$(date +%s.%N)
log "pg_dump -Fc: $(du -h "$RESULTS/$SOURCE.dump" | cut -f1) in $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s"

dropdb --if-exists "$TARGET"
createdb -O "$OWNER" "$TARGET"
t0=$(date +%s.%N)
pg_restore -U "$OWNER" --no-owner --exit-on-error -d "$TARGET" "$RESULTS/$SOURCE.dump"
t1=$(date +%s.%N)
log "pg_restore into $TARGET: $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s"

check "$TARGET" restored
if grep -q '^Chain intact' "$RESULTS/chain-restored.txt" && cmp -s "$RESULTS/report-source.csv" "$RESULTS/report-restored.csv"; then
    log "PASS: the restored database's access log is intact and its report is identical to the source's"
else
    diff "$RESULTS/report-source.csv" "$RESULTS/report-restored.csv" | head -20 | tee -a "$RESULTS/summary.txt" || true
    log "FAIL: see $RESULTS"
    exit 1
fi

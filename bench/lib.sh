# Shared by bench/run.sh (caseload and trajectory pages) and bench/run-report.sh (study report); sourced, not run.
# Configuration, the life cycle of the application under test, the wait for a quiet machine, CPU sampling, the build,
# the record of the environment, a fresh database with bulk load, and the measurement attempts.
#
# The caller sets, before sourcing: BENCH_PORT, BUILD_DIR and RESULTS_SUFFIX defaults if it wants others than
# 18080, /tmp/jcm-bench-build and none; after sourcing, it describes its measurement in MEASURED (environment.txt).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-${JCM_BENCH_DB:-jcm_bench}}"   # the database (BENCH_DB or JCM_BENCH_DB): its own name per person or session on a shared server
PORT="${BENCH_PORT:-18080}"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
RESULTS="${RESULTS:-$BENCH_DIR/results/$STAMP${RESULTS_SUFFIX:-}}"
BUILD_DIR="${BUILD_DIR:-/tmp/jcm-bench-build}"
mkdir -p "$RESULTS"
RESULTS="$(cd "$RESULTS" && pwd)"

# The command of this run, for its summary: the calling script with its arguments and the settings it was run with.
RUN_COMMAND=""
for _v in BENCH_DB JCM_BENCH_DB BUILD_REF JCM_JAR SKIP_LOAD CHECK REBUILD REBUILD_MAX WARMUP REQUESTS FILES SQL_RUNS STATEMENTS ATTEMPTS \
          QUIET_PCT QUIET_WAIT FOREIGN_MAX APP_ARGS JAVA_OPTS; do
    if [[ -n "${!_v:-}" ]]; then RUN_COMMAND+="$_v=$(printf '%q' "${!_v}") "; fi
done
RUN_COMMAND+="bench/$(basename "$0")${*:+ $*}"

APP_PID=""
stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 "${STOP_WAIT:-30}"); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}
MONITOR_PID=""
cleanup() {
    if [[ -n "$MONITOR_PID" ]]; then kill "$MONITOR_PID" 2>/dev/null || true; fi
    stop_app
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$RESULTS/run.txt"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

cpu_busy_pct() { # whole-machine CPU use over $1 seconds, from /proc/stat
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep "$1"
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
    echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

wait_for_quiet() {
    local limit="${QUIET_PCT:-30}" max="${QUIET_WAIT:-1200}" t0=$SECONDS busy
    while :; do
        busy=$(cpu_busy_pct 5)
        if (( busy < limit )); then
            log "machine quiet: ${busy}% CPU busy over 5 s (limit ${limit}%), waited $(( SECONDS - t0 )) s"
            return
        fi
        if (( SECONDS - t0 >= max )); then
            log "WARNING: machine still ${busy}% busy after ${max} s; measuring anyway"
            return
        fi
        sleep 10
    done
}

monitor_load() { # $1 stop flag, $2 output, $3 start flag: from $3 to $1 (at most 30 min), every ~2 s the machine's
    local i             # CPU % and the busiest processes
    for i in $(seq 1 900); do
        [[ -e "$3" || -e "$1" ]] && break
        sleep 0.2
    done
    for i in $(seq 1 900); do
        [[ -e "$1" ]] && break
        {
            echo "--- $(date -u +%H:%M:%S)"
            top -b -n 2 -d 2 -w 160 | awk '/^top -/ { n++ } n == 2' | sed -n '3p;7,11p'
        } >>"$2"
    done
}

start_app() { # $1 = log file, $2 = optional access log name (Tomcat access log in $RESULTS: method, URL, status, µs)
    if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
        echo "something already listens on port $PORT; not benchmarking it" >&2
        exit 1
    fi
    local access=()
    if [[ -n "${2:-}" ]]; then
        access=(--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$RESULTS"
                --server.tomcat.accesslog.prefix="$2" --server.tomcat.accesslog.suffix=.txt
                --server.tomcat.accesslog.rotate=false "--server.tomcat.accesslog.pattern=%m %U%q %s %D")
    fi
    JCM_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" JCM_DB_USER="$PGUSER" JCM_DB_PASSWORD=x \
        JCM_DB_OWNER_USER="$PGUSER" JCM_DB_OWNER_PASSWORD=x JCM_DEMO=false \
        JCM_TWO_FACTOR=optional java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" "${access[@]}" ${APP_ARGS:-} >"$1" 2>&1 &
    APP_PID=$!
    local t0=$SECONDS
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)" == 200 ]]; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "application exited during start-up, see $1" >&2
            exit 1
        fi
        if (( SECONDS - t0 > ${START_WAIT:-180} )); then
            echo "application not up after ${START_WAIT:-180} s, see $1" >&2
            exit 1
        fi
        sleep 1
    done
    log "application up (pid $APP_PID) in $(( SECONDS - t0 )) s"
}

# 1. The jar: built from a copy of the working tree (or from BUILD_REF with git archive) in BUILD_DIR, so neither a
#    concurrent edit nor a build in target/ of the working tree is disturbed. Sets JAR.
build_jar() {
    if [[ -z "${JCM_JAR:-}" ]]; then
        rm -rf "$BUILD_DIR"
        mkdir -p "$BUILD_DIR"
        if [[ -n "${BUILD_REF:-}" ]]; then # a commit, read with git archive (no change to the repository)
            log "building $BUILD_REF ($(git -C "$PROJECT_DIR" rev-parse --short "$BUILD_REF")) in $BUILD_DIR"
            git -C "$PROJECT_DIR" archive "$BUILD_REF" pom.xml mvnw .mvn src | tar -x -C "$BUILD_DIR"
        else
            log "building a snapshot of the working tree $PROJECT_DIR in $BUILD_DIR"
            cp -r "$PROJECT_DIR/pom.xml" "$PROJECT_DIR/mvnw" "$PROJECT_DIR/.mvn" "$PROJECT_DIR/src" "$BUILD_DIR/"
        fi
        (cd "$BUILD_DIR" && ./mvnw -q -o -Dmaven.test.skip=true package)
        JAR="$(ls "$BUILD_DIR"/target/jobcoach-monitor-*.jar | head -1)"
    else
        JAR="$JCM_JAR"
    fi
    log "jar: $JAR"
}

# 2. Environment, for the record; $MEASURED says what is measured.
record_environment() {
    {
        echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
        echo "host: $(uname -srm), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
        echo "java: $(java -version 2>&1 | head -1)"
        echo "$MEASURED; extra application arguments: ${APP_ARGS:-none}"
        if [[ -n "${BUILD_REF:-}" && -z "${JCM_JAR:-}" ]]; then
            echo "code: commit $(git -C "$PROJECT_DIR" rev-parse --short "$BUILD_REF") ($BUILD_REF), built with git archive"
        elif [[ -z "${JCM_JAR:-}" ]]; then
            echo "code: copy of the working tree; HEAD $(git -C "$PROJECT_DIR" rev-parse --short HEAD), $(git -C "$PROJECT_DIR" status --porcelain -- src pom.xml | wc -l) changed paths under src/ and pom.xml"
        else
            echo "code: jar $JAR (given)"
        fi
        psql -X -A -t -d postgres -c "select version()"
        psql -X -A -t -d postgres -c "select name || '=' || setting || coalesce(unit, '') from pg_settings where name in
            ('shared_buffers','work_mem','effective_cache_size','random_page_cost','max_connections','jit','synchronous_commit') order by name"
    } >"$RESULTS/environment.txt"
}

# 3. and 4. Fresh database: the application creates the schema (Flyway) on an empty database with demo data off; then
# the bulk load (generate.sql, then generate-report.sql: the outcomes read models, measurement waves and the report
# users; without them every start of the application would compute the indicators of 200,000 trajectories and plan
# 1.3 million waves beside the measurement) and statistics. Skipped with SKIP_LOAD=1.
load_database() {
    if [[ "${SKIP_LOAD:-}" == 1 ]]; then
        log "SKIP_LOAD=1: reusing the data in $DB"
        return
    fi
    log "recreating database $DB"
    psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
    start_app "$RESULTS/app-schema.out.txt"
    stop_app
    log "schema created: $(psql_db -A -t -c "select string_agg(version || ' ' || description, ', ' order by installed_rank) from flyway_schema_history")"

    local t0 t1 t2 t3
    log "loading data (bench/generate.sql)"
    t0=$(date +%s.%N)
    psql_db -f "$BENCH_DIR/generate.sql" >"$RESULTS/load.txt" 2>&1 || { cat "$RESULTS/load.txt" >&2; exit 1; }
    t1=$(date +%s.%N)
    log "loading the read models (bench/generate-report.sql)"
    psql_db -f "$BENCH_DIR/generate-report.sql" >"$RESULTS/load-report.txt" 2>&1 || { cat "$RESULTS/load-report.txt" >&2; exit 1; }
    t2=$(date +%s.%N)
    psql_db -c "vacuum (analyze)" >>"$RESULTS/load.txt" 2>&1
    t3=$(date +%s.%N)
    log "load: $(seconds "$t0" "$t1") s, read models: $(seconds "$t1" "$t2") s, vacuum analyze: $(seconds "$t2" "$t3") s"
    psql_db -c "select relname as table, n_live_tup as rows, pg_size_pretty(pg_total_relation_size(relid)) as size_with_indexes
                from pg_stat_user_tables order by pg_total_relation_size(relid) desc" >"$RESULTS/tables.txt"
    cat "$RESULTS/tables.txt" >>"$RESULTS/run.txt"
}
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", b - a }'; }

# 5. Measure. Each attempt starts the application afresh (so every attempt sees the same JVM state: cold, then the
# warm-up requests), waits for a quiet machine, and samples the CPU use while measuring. An attempt during which other
# processes (not the application, not the client, not PostgreSQL) used more than FOREIGN_MAX (15) % of a core on
# average is marked disturbed and repeated, at most ATTEMPTS (5) times; the last attempt counts if none is clean, and
# is labelled so.
#   $1 = client function: called as `$1 <attempt> <measure flag>` in the background, stdout to benchmark-<attempt>.txt;
#        it must exec the client (so that its pid is the client's) and write samples-<attempt>.csv
#   $2 = optional function called as `$2 <attempt>` after the application of the attempt stopped
foreign_cpu() { # $1 = machine-load file, $2 = app pid, $3 = client pid: mean %CPU of other processes per sample
    awk -v app="$2" -v client="$3" '
        /^---/ { samples++; next }
        $1 ~ /^[0-9]+$/ && $1 != app && $1 != client && $NF != "postgres" { sum += $9 }
        END { printf "%.0f", samples ? sum / samples : 0 }' "$1"
}
measure_attempts() {
    local client="$1" after="${2:-}" attempt load_file busy foreign
    STATUS=disturbed
    for attempt in $(seq 1 "${ATTEMPTS:-5}"); do
        load_file="$RESULTS/machine-load-$attempt.txt"
        start_app "$RESULTS/app-bench-$attempt.out.txt" "access-$attempt"
        wait_for_quiet
        echo "load average before: $(cat /proc/loadavg)" >"$load_file"
        rm -f "$RESULTS/.measured" "$RESULTS/.measuring"
        monitor_load "$RESULTS/.measured" "$load_file" "$RESULTS/.measuring" &
        MONITOR_PID=$!
        "$client" "$attempt" "$RESULTS/.measuring" >"$RESULTS/benchmark-$attempt.txt" &
        CLIENT_PID=$!
        wait "$CLIENT_PID" || { cat "$RESULTS/benchmark-$attempt.txt"; touch "$RESULTS/.measured"; exit 1; }
        touch "$RESULTS/.measured"
        wait "$MONITOR_PID" || true
        MONITOR_PID=""
        rm -f "$RESULTS/.measured" "$RESULTS/.measuring"
        echo "load average after: $(cat /proc/loadavg)" >>"$load_file"
        cat "$RESULTS/benchmark-$attempt.txt" | tee -a "$RESULTS/run.txt"
        busy=$(awk '/^%Cpu/ { x = $0; sub(/ id,.*/, "", x); sub(/.*[ ,]/, "", x); n++; s += 100 - x }
                    END { printf "%.0f", n ? s / n : 0 }' "$load_file")
        foreign=$(foreign_cpu "$load_file" "$APP_PID" "$CLIENT_PID")
        log "attempt $attempt: machine CPU busy ${busy}% (of all cores) on average; other processes ${foreign}% of a core"
        stop_app # flushes the access log
        if [[ -n "$after" ]]; then "$after" "$attempt"; fi
        cp "$RESULTS/benchmark-$attempt.txt" "$RESULTS/benchmark.txt"
        cp "$RESULTS/samples-$attempt.csv" "$RESULTS/samples.csv"
        if (( foreign <= ${FOREIGN_MAX:-15} )); then
            STATUS=clean
            break
        fi
        log "attempt $attempt disturbed by other processes (see $load_file)"
    done
    echo "status: $STATUS (attempt $attempt)" >>"$RESULTS/benchmark.txt"
    log "result: $STATUS, attempt $attempt -> benchmark.txt, samples.csv"
}

# The committed record of a run: $RESULTS/summary.md with the command, the environment, the log lines of the run
# (load times, attempts and their status), the reported attempt, the server-side times, the checks and the execution
# time of every plan. Everything else in $RESULTS is raw output that stays local (ignored by git, see .gitignore).
#   $1 = title
write_summary() {
    local f="$RESULTS/summary.md" part
    {
        echo "# $(basename "$RESULTS"): $1"
        echo
        echo "Command: \`$RUN_COMMAND\`"
        echo
        echo '```'
        if [[ -f "$RESULTS/environment.txt" ]]; then
            sed -e '/^effective_cache_size=\|^max_connections=/d' -e 's/ on x86_64-pc-linux-gnu.*//' "$RESULTS/environment.txt"
            echo
        fi
        sed -n '/^\[[0-9:]*\] /{/application up\|plans in \|done: \|building \|jar: \|recreating \|schema created\|loading /d;p}' \
            "$RESULTS/run.txt"
        for part in benchmark.txt server-times.txt check.txt; do
            if [[ -f "$RESULTS/$part" ]]; then
                echo
                echo "== $part"
                sed -e '/^ *$/d' -e '/^-*+[-+]*$/d' -e '/^-\{3,\}$/d' -e '/^([0-9]* rows\?)$/d' "$RESULTS/$part"
            fi
        done
        if [[ -f "$RESULTS/rebuild.txt" ]]; then
            echo
            echo "== rebuild.txt (last lines)"
            tail -n 3 "$RESULTS/rebuild.txt"
        fi
        if [[ -f "$RESULTS/explain.txt" ]]; then
            echo
            echo "== explain.txt: execution time per statement"
            awk '/^###/ { if (!cont) h = $0; cont = 1; next } { cont = 0 }
                 /Execution Time/ { print h " -> " $3 " ms" }' "$RESULTS/explain.txt"
        fi
        echo '```'
    } >"$f"
    log "summary in $f"
}

# Gatling's figures per request (bench/gatling-stats.py) of the newest report under $1; gatling_ok $1 NAME: OK count.
gatling_table() { python3 "$BENCH_DIR/gatling-stats.py" "$(ls -d "$1"/*/ | sort | tail -1)"; }
gatling_ok() { python3 "$BENCH_DIR/gatling-stats.py" "$(ls -d "$1"/*/ | sort | tail -1)" "$2"; }

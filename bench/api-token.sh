#!/usr/bin/env bash
# Time per JSON API request with a personal access token (Authorization: Bearer) against HTTP Basic (a bcrypt check
# per request): the same endpoint, the same coach, a warm JVM. Starts the application with `./mvnw spring-boot:run`
# and the demo data on a fresh H2 database of its own, makes a token through the account page as the demo coach would
# (log in, /account/two-factor, "Sleutel maken"), warms both up, then measures with wrk, one connection, sequential
# requests, alternating Basic and token in ROUNDS rounds of DURATION each. Raw outputs go to
# bench/results/<stamp>-api-token/ (ignored by git) with a summary.md; copy its table into bench/results/SUMMARY.md.
#
#   bench/api-token.sh                     # defaults: PORT=<a free one> WARMUP=30s DURATION=20s ROUNDS=3
#   ENDPOINT='/api/v1/trajectories/{first}' bench/api-token.sh   # one trajectory of the coach: less work per request
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(dirname "$BENCH_DIR")"
PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
WARMUP="${WARMUP:-30s}"
DURATION="${DURATION:-20s}"
ROUNDS="${ROUNDS:-3}"
ENDPOINT="${ENDPOINT:-/api/v1/trajectories}"
BASE="http://127.0.0.1:$PORT"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
RESULTS="$BENCH_DIR/results/$STAMP-api-token"
DATA="$(mktemp -d /tmp/jcm-api-bench.XXXXXX)"
mkdir -p "$RESULTS"
command -v wrk >/dev/null || { echo "wrk is needed (Debian package wrk)" >&2; exit 1; }

APP_PGID=""
stop_app() {
    if [[ -n "$APP_PGID" ]]; then
        kill -- "-$APP_PGID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 -- "-$APP_PGID" 2>/dev/null || break; sleep 1; done
        kill -9 -- "-$APP_PGID" 2>/dev/null || true
        APP_PGID=""
    fi
    rm -rf "$DATA"
}
trap stop_app EXIT

echo "Starting the application on port $PORT (demo data, H2 in $DATA) ..."
cd "$PROJECT_DIR"
setsid ./mvnw -q -ntp spring-boot:run -Dspring-boot.run.arguments="--server.port=$PORT \
--spring.datasource.url=jdbc:h2:file:$DATA/db;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH" \
    >"$RESULTS/app.out.txt" 2>&1 &
APP_PGID=$!
for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$BASE/login" && break
    kill -0 "$APP_PGID" 2>/dev/null || { echo "the application stopped; see $RESULTS/app.out.txt" >&2; exit 1; }
    sleep 2
done

# A token, made on the account page as the coach (demo: the second factor is optional and the coach has none).
JAR="$DATA/cookies.txt"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
TOKEN_CSRF="$(curl -fs -c "$JAR" -b "$JAR" "$BASE/login" | csrf)"
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=coach" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$TOKEN_CSRF" "$BASE/login"
TOKEN_CSRF="$(curl -fs -c "$JAR" -b "$JAR" "$BASE/account/two-factor" | csrf)"
TOKEN="$(curl -fs -c "$JAR" -b "$JAR" --data-urlencode "name=bench" \
    --data-urlencode "expiresOn=$(date -d '+30 days' +%F)" --data-urlencode "_csrf=$TOKEN_CSRF" \
    "$BASE/account/api-tokens" | grep -o 'id="new-token">jcm_[A-Za-z0-9_-]*' | sed 's/.*>//')"
[[ -n "$TOKEN" ]] || { echo "no token made" >&2; exit 1; }
BASIC="Basic $(printf 'coach:demo' | base64)"
if [[ "$ENDPOINT" == *"{first}"* ]]; then # the coach's first trajectory
    FIRST="$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/trajectories" | grep -o '"id":[0-9]*' | head -1 \
        | sed 's/.*://')"
    ENDPOINT="${ENDPOINT//\{first\}/$FIRST}"
fi
for auth in "$BASIC" "Bearer $TOKEN"; do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $auth" "$BASE$ENDPOINT")"
    [[ "$status" == 200 ]] || { echo "$ENDPOINT answered $status" >&2; exit 1; }
done

run() { # name authorization duration -> wrk output in $RESULTS/<name>.txt
    wrk -t1 -c1 -d"$3" --timeout 10s -s "$BENCH_DIR/api-latency.lua" -H "Authorization: $2" "$BASE$ENDPOINT" \
        >"$RESULTS/$1.txt"
}
echo "Warming up ($WARMUP each) ..."
run warmup-basic "$BASIC" "$WARMUP"
run warmup-token "Bearer $TOKEN" "$WARMUP"
{ echo "cores: $(nproc)"; java -version 2>&1 | head -1; git -C "$PROJECT_DIR" log --oneline -1; uptime; } >"$RESULTS/environment.txt"
for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round of $ROUNDS ..."
    run "basic-$round" "$BASIC" "$DURATION"
    run "token-$round" "Bearer $TOKEN" "$DURATION"
    uptime >>"$RESULTS/environment.txt"
done

value() { awk -v k="$2" '$1 == k { print $2 }' "$RESULTS/$1.txt"; }
{
    echo "# API request time: personal access token against HTTP Basic ($STAMP)"
    echo
    echo "\`GET $ENDPOINT\` as the demo coach, wrk: 1 thread, 1 connection (sequential, keep-alive), $DURATION per"
    echo "round after $WARMUP of warm-up each; ms, client side. Commit $(git -C "$PROJECT_DIR" log --format=%h -1)."
    echo "Machine, commit, and load average before the first and after each round:"
    echo
    sed 's/^/    /' "$RESULTS/environment.txt"
    echo
    echo "| round | auth | requests | p50 | p90 | p95 | p99 | max | errors |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for round in $(seq 1 "$ROUNDS"); do
        for name in basic token; do
            f="$name-$round"
            echo "| $round | $name | $(value "$f" requests) | $(value "$f" p50) | $(value "$f" p90) | $(value "$f" p95) \
| $(value "$f" p99) | $(value "$f" max) | $(value "$f" errors) |"
        done
    done
} >"$RESULTS/summary.md"
cat "$RESULTS/summary.md"

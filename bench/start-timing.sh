#!/usr/bin/env bash
# Times one start of the application on the bench data (bench/README.md "Restart, rebuild and report at 200k"):
# process start -> "Started" (log), /login 200, readiness 200, the background catch-up done (log).
#   JAR=target/jobcoach-monitor-0.1.0-SNAPSHOT.jar DB=jcm_bench bench/start-timing.sh
#   APP_ARGS=--jcm.rebuild-indicators bench/start-timing.sh     # the rebuild: log line "Rebuilt the indicators ..."
# KEEP=1 leaves the application running (port PORT).
set -u
DB=${DB:-jcm_bench}; PORT=${PORT:-18390}; JAR=${JAR:-target/jobcoach-monitor-0.1.0-SNAPSHOT.jar}
OUT=${OUT:-/tmp/start-$(date +%H%M%S).log}
t0=$(date +%s.%N)
JCM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" JCM_DB_USER=postgres JCM_DB_PASSWORD=x JCM_DB_OWNER_USER=postgres \
  JCM_DB_OWNER_PASSWORD=x JCM_DEMO=false JCM_TWO_FACTOR=optional java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" \
  --server.port=$PORT ${APP_ARGS:-} > "$OUT" 2>&1 &
PID=$!
el() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }
login=""; ready=""
for i in $(seq 1 3000); do
  [ -z "$login" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/login)" = 200 ] && login=$(el)
  [ -z "$ready" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/actuator/health/readiness)" = 200 ] && ready=$(el)
  if [ -n "$login" ] && [ -n "$ready" ] && grep -q 'Catch-up indicators finished\|Catch-up indicators skipped' "$OUT"; then break; fi
  kill -0 $PID 2>/dev/null || { echo "app died"; break; }
  sleep 0.2
done
echo "pid $PID log $OUT"
echo "login 200 after ${login}s; readiness 200 after ${ready}s (since process start)"
grep -o 'Started JobcoachMonitor.*' "$OUT"; grep 'Catch-up' "$OUT" | sed 's/.*\] //' | cut -c1-150
echo "load: $(cat /proc/loadavg)"
[ "${KEEP:-0}" = 1 ] || { kill $PID; wait $PID 2>/dev/null; }

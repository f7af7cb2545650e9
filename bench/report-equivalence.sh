#!/usr/bin/env bash
# Shows that two builds give the same study report on the benchmark data: for both bench users (one municipality,
# everything) and five filters (none, age bands, phase, period), /report.csv and the htmx fragment of /report are
# fetched from each jar and compared byte for byte. Used to check that a performance change leaves the report as it
# was. Needs jcm_bench loaded (bench/run-report.sh).
#
#   bench/report-equivalence.sh BEFORE.jar AFTER.jar     # results in bench/results/<UTC timestamp>-equivalence/
set -euo pipefail

BEFORE="$1"
AFTER="$2"
BENCH_PORT="${BENCH_PORT:-18090}"
RESULTS_SUFFIX=-equivalence
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fetch() { # $1 = jar, $2 = output folder: logs in through the form (CSRF) and fetches every user x filter
    local user cookies csrf n q
    mkdir -p "$2"
    JAR="$1" start_app "$2/app.out.txt"
    for user in benchgemeente benchonderzoeker; do
        cookies="$2/.cookies-$user"
        csrf="$(curl -s -c "$cookies" -b "$cookies" "http://127.0.0.1:$PORT/login" |
            grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')"
        curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$user" \
            --data-urlencode "password=bench" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
        n=0
        for q in "" "ageBand=UNDER_25" "ageBand=FROM_30&phase=COACHING" \
                 "from=$(date -d '-1000 days' +%F)&to=$(date -d '-800 days' +%F)" \
                 "ageBand=FROM_25_TO_29&from=$(date -d '-900 days' +%F)"; do
            n=$((n + 1))
            curl -s -f -b "$cookies" "http://127.0.0.1:$PORT/report.csv?$q" >"$2/$user-$n.csv"
            curl -s -f -b "$cookies" -H 'HX-Request: true' "http://127.0.0.1:$PORT/report?$q" >"$2/$user-$n.html"
            echo "$user-$n: ?$q" >>"$2/filters.txt"
        done
        rm -f "$cookies"
    done
    stop_app
}

log "before: $BEFORE"
fetch "$BEFORE" "$RESULTS/before"
log "after: $AFTER"
fetch "$AFTER" "$RESULTS/after"
differ=0
for f in "$RESULTS"/before/*.csv "$RESULTS"/before/*.html; do
    name="$(basename "$f")"
    if cmp -s "$f" "$RESULTS/after/$name"; then
        log "same      $name ($(wc -c <"$f") bytes)"
    else
        log "DIFFERENT $name"
        differ=1
    fi
done
cat "$RESULTS/before/filters.txt" >>"$RESULTS/run.txt"
write_summary "the same study report from two builds? (same or DIFFERENT per response below)"
rm -rf "$RESULTS/before" "$RESULTS/after"
exit "$differ"

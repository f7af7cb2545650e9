#!/usr/bin/env bash
# The import benchmark (issue 14): generates a caseload of N contacts (default 1,000,000; 100 per trajectory, with
# their trajectories, employees and employers) as CSV files and imports it into PostgreSQL through the product's own
# importer, in a JVM limited to 512 MB of heap. Prints rows/s, the peak heap and the load average.
#   bench/import-benchmark.sh [contacts] [indicators|twice]
# "indicators" also times bringing the imported trajectories' indicators up to date; "twice" imports the same files a
# second time (nothing changes) and times that too. The database (JCM_BENCH_DB,
# default jcm_import) is created if needed and gets the demo cohort on first start (its coach and commissioner);
# JCM_BENCH_FRESH=1 drops it first, so the import is the organisation's first.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${JCM_BENCH_DB:-jcm_import}
if [ "${JCM_BENCH_FRESH:-}" = "1" ]; then   # a first import into an organisation that has none: a new database
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)"
fi
psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -c "create database $DB owner jcm_owner"
./mvnw -q -o -ntp test-compile
CP=$(./mvnw -q -o -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
JCM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB JCM_DB_USER=jcm_app JCM_DB_OWNER_USER=jcm_owner JCM_DEMO=true \
  /usr/bin/time -f "process: max resident %M kB, %e s" \
  java -Xmx512m -XX:+UseSerialGC -cp "target/test-classes:target/classes:$CP" \
  nl.jobcoachmonitor.transfer.ImportBenchmark "${1:-1000000}" "${2:-}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

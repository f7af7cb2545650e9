#!/usr/bin/env bash
# Usage, after ./mvnw verify (or package): bench/demo-export.sh [path to the jar]. Needs PostgreSQL on 127.0.0.1:5432.
# Starts the built jar on a fresh PostgreSQL database with the demo data, then: demo figures of the new features
# (psql) and the research export's flow by HTTP (researcher creates, manager approves, researcher downloads), timed.
set -euo pipefail
JAR=${1:-target/jobcoach-monitor-0.1.0-SNAPSHOT.jar}
DB=jcm_measure; PORT=8093; B=http://127.0.0.1:$PORT
psql -h 127.0.0.1 -U postgres -d test -q -c "drop database if exists $DB" -c "create database $DB"
start=$(date +%s.%N)
JCM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB JCM_DB_USER=postgres JCM_DB_PASSWORD=x \
  java -jar "$JAR" --server.port=$PORT > /tmp/measure-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null' EXIT
until curl -sf -o /dev/null $B/login; do sleep 0.5; done
echo "startup with demo load on PostgreSQL: $(echo "$(date +%s.%N) - $start" | bc) s"
q() { psql -h 127.0.0.1 -U postgres -d $DB -At -c "$1"; }
echo "consent (latest research decision per trajectory): $(q "select given, count(*) from (select distinct on (trajectory_id) trajectory_id, given from consent where purpose = 'RESEARCH' order by trajectory_id, decided_on desc, id desc) d group by given order by given" | tr '\n' ' ')"
echo "goals: $(q "select count(*) from goal"), on $(q "select count(distinct trajectory_id) from goal") trajectories; contacts linked to a goal: $(q "select count(distinct contact_id) from contact_goal") of $(q "select count(*) from contact")"
echo "grant rules: $(q "select c.name || ' ' || g.hours_per_period || ' h/' || g.period_months || ' mo, norm ' || g.satisfaction_norm from grant_rule g join commissioner c on c.id = g.commissioner_id order by c.name" | tr '\n' ';')"
login() { # user -> cookie jar
  local jar=/tmp/measure-$1.jar; rm -f $jar
  local csrf=$(curl -s -c $jar -b $jar $B/login | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c $jar -b $jar -X POST $B/login --data-urlencode "username=$1" --data-urlencode "password=demo" --data-urlencode "_csrf=$csrf"
  echo $jar
}
token() { curl -s -c $1 -b $1 "$B$2" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
R=$(login onderzoeker); M=$(login manager)
ORG=$(q "select organisation_id from app_user where username = 'manager'")
T=$(token $R /research)
curl -s -o /dev/null -c $R -b $R -X POST $B/research/projects --data-urlencode "_csrf=$T" --data-urlencode "name=Meting" \
  --data-urlencode "purpose=Meting van de export" --data-urlencode "organisationId=$ORG" -d waves=T0 -d waves=T1 -d waves=T2
P=$(q "select max(id) from export_project")
T=$(token $M /team/exports)
curl -s -o /dev/null -c $M -b $M -X POST $B/team/exports/$P/approval --data-urlencode "_csrf=$T"
for f in export.zip wide.csv long.csv; do
  for i in 1 2 3 4 5 6; do
    curl -s -o /tmp/measure-$f -w "%{http_code} %{time_total}\n" -c $R -b $R $B/research/projects/$P/files/$f
  done | awk -v f=$f '{c=$1; s = s sprintf(" %.0f", $2 * 1000)} END {printf "%s: status %s, 6 downloads in ms (the first cold):%s\n", f, c, s}'
  ls -l /tmp/measure-$f | awk '{print "  size " $5 " bytes"}'
done
echo "wide.csv rows (trajectories): $(($(wc -l < /tmp/measure-wide.csv) - 1)), long.csv rows: $(($(wc -l < /tmp/measure-long.csv) - 1))"
echo "EXPORT events: $(q "select count(*) from audit_event where action = 'EXPORT'") (of which per person: $(q "select count(*) from audit_event where action = 'EXPORT' and person_id is not null"))"

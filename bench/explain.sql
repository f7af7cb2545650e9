-- EXPLAIN (ANALYZE, BUFFERS) of the queries behind the two benchmarked pages, with the parameters the application
-- uses for benchcoach. The SQL is copied from the sources (caseload/CaseloadQuery.java, coaching/ContactManagement.java)
-- and, for Spring Data JDBC repositories, from the application's own DEBUG log (org.springframework.jdbc.core).
-- Matches the code as of commit b6b49db and later (timeline and themes in one query); runs measured before that
-- commit have the plans of the older per-contact theme queries in their own explain.txt.
--
-- Usage: psql -h 127.0.0.1 -U postgres -d jcm_bench -v coach=1 -v trajectory=1 -f bench/explain.sql
-- Run after the benchmark, so the cache is as warm as it was for the application. Each query is run once before its
-- EXPLAIN ANALYZE, for the same reason.

\set ON_ERROR_STOP on
\pset pager off
select date_trunc('month', current_date)::date as month_start,
       (date_trunc('month', current_date) + interval '1 month')::date as next_month \gset

\echo
\echo '### Caseload page 1: count (CaseloadQuery.find, coach scope, no filter)'
select count(*) from trajectory t join employee e on e.id = t.employee_id left join employer er on er.id = t.employer_id
    join app_user u on u.id = t.coach_id where t.coach_id = :coach and t.phase <> 'CLOSED' \g /dev/null
explain (analyze, buffers)
select count(*) from trajectory t join employee e on e.id = t.employee_id left join employer er on er.id = t.employer_id
    join app_user u on u.id = t.coach_id where t.coach_id = :coach and t.phase <> 'CLOSED';

\echo
\echo '### Caseload page 2: the rows (CaseloadQuery.find, page 0 of 20)'
prepare caseload_rows(date, date, bigint, int, int) as
select t.id, e.first_name, e.last_name, er.name as employer_name, t.phase, u.display_name,
  (select coalesce(sum(c.minutes), 0) from contact c where c.trajectory_id = t.id
     and c.contact_on >= $1 and c.contact_on < $2) as minutes_this_month,
  (select max(c.contact_on) from contact c where c.trajectory_id = t.id) as last_contact_on
from trajectory t join employee e on e.id = t.employee_id left join employer er on er.id = t.employer_id
    join app_user u on u.id = t.coach_id
where t.coach_id = $3 and t.phase <> 'CLOSED' order by e.last_name, e.first_name, t.id limit $4 offset $5;
execute caseload_rows(:'month_start', :'next_month', :coach, 20, 0) \g /dev/null
explain (analyze, buffers) execute caseload_rows(:'month_start', :'next_month', :coach, 20, 0);

\echo
\echo '### Caseload page 2 again, as a generic plan (pgjdbc prepares server-side after 5 executions; PostgreSQL may then reuse a generic plan)'
set plan_cache_mode = force_generic_plan;
explain (analyze, buffers) execute caseload_rows(:'month_start', :'next_month', :coach, 20, 0);
reset plan_cache_mode;

\echo
\echo '### Trajectory page 1: load the aggregate (Trajectories.findByIdAndCoachId; each load also queries phase_change, job_change and coach_assignment)'
explain (analyze, buffers)
SELECT trajectory.id AS id, trajectory.phase AS phase, trajectory.version AS version, trajectory.coach_id AS coach_id,
       trajectory.closed_on AS closed_on, trajectory.started_on AS started_on, trajectory.employer_id AS employer_id,
       trajectory.employee_id AS employee_id, trajectory.closing_reason AS closing_reason,
       trajectory.commissioner_id AS commissioner_id, trajectory.organisation_id AS organisation_id,
       trajectory.job_title AS job_title, trajectory.job_started_on AS job_started_on,
       trajectory.job_contract_type AS job_contract_type, trajectory.job_contract_hours AS job_contract_hours
FROM trajectory WHERE trajectory.id = :trajectory AND (trajectory.coach_id = :coach);

\echo
\echo '### Trajectory page 2: hours this month (ContactManagement.hoursThisMonth)'
explain (analyze, buffers)
select coalesce(sum(minutes), 0) from contact where trajectory_id = :trajectory
    and contact_on >= :'month_start' and contact_on < :'next_month';

\echo
\echo '### Trajectory page 3: hours per month and party (ContactManagement.intensity)'
explain (analyze, buffers)
select extract(year from contact_on) as y, extract(month from contact_on) as m, party, sum(minutes) as minutes
from contact where trajectory_id = :trajectory
group by extract(year from contact_on), extract(month from contact_on), party;

\echo
\echo '### Trajectory page 4a: the timeline as served, 20 most recent with their themes (ContactManagement.newestFirst, limit 20)'
explain (analyze, buffers)
select c.id, c.contact_on, c.minutes, c.party, c.mode, c.note, ct.theme
from (select * from contact where trajectory_id = :trajectory
      order by contact_on desc, id desc limit 20) c
left join contact_theme ct on ct.contact_id = c.id
order by c.contact_on desc, c.id desc;

\echo
\echo '### Trajectory page 4b: number of contacts, when 20 are shown (Contacts.countByTrajectoryId)'
explain (analyze, buffers)
SELECT COUNT(*) FROM contact WHERE contact.trajectory_id = :trajectory;

\echo
\echo '### Trajectory page 4c: the timeline with ?contacts=all (ContactManagement.newestFirst, limit Integer.MAX_VALUE)'
explain (analyze, buffers)
select c.id, c.contact_on, c.minutes, c.party, c.mode, c.note, ct.theme
from (select * from contact where trajectory_id = :trajectory
      order by contact_on desc, id desc limit 2147483647) c
left join contact_theme ct on ct.contact_id = c.id
order by c.contact_on desc, c.id desc;

\echo
\echo '### Trajectory page 5: measurement waves (Waves.findByTrajectoryIdOrderByDueOnAsc; the bench data has no waves)'
explain (analyze, buffers)
select * from measurement_wave where trajectory_id = :trajectory order by due_on;

\echo
\echo '### Manager team page (not benchmarked; CaseloadQuery.team), for the organisation of benchcoach'
select organisation_id as org from app_user where id = :coach \gset
explain (analyze, buffers)
select u.id, u.display_name,
  (select count(*) from trajectory t where t.coach_id = u.id and t.phase <> 'CLOSED') as active,
  (select coalesce(sum(c.minutes), 0) from contact c where c.logged_by = u.id
     and c.contact_on >= :'month_start' and c.contact_on < :'next_month') as minutes_this_month
from app_user u where u.organisation_id = :org and u.role = 'COACH' and u.enabled = true
order by u.display_name;

\echo
\echo '### Suggested alternative (not what the application runs): caseload rows with the employer name as a scalar subquery,'
\echo '### evaluated after sort and limit for the 20 rows shown, through employer_pkey (no hash join over all employers)'
prepare caseload_rows_suggested(date, date, bigint, int, int) as
select t.id, e.first_name, e.last_name,
  (select er.name from employer er where er.id = t.employer_id) as employer_name, t.phase, u.display_name,
  (select coalesce(sum(c.minutes), 0) from contact c where c.trajectory_id = t.id
     and c.contact_on >= $1 and c.contact_on < $2) as minutes_this_month,
  (select max(c.contact_on) from contact c where c.trajectory_id = t.id) as last_contact_on
from trajectory t join employee e on e.id = t.employee_id
    join app_user u on u.id = t.coach_id
where t.coach_id = $3 and t.phase <> 'CLOSED' order by e.last_name, e.first_name, t.id limit $4 offset $5;
execute caseload_rows_suggested(:'month_start', :'next_month', :coach, 20, 0) \g /dev/null
explain (analyze, buffers) execute caseload_rows_suggested(:'month_start', :'next_month', :coach, 20, 0);

\echo
\echo '### Suggested alternative (not what the application runs): the count without joins when there is no search text'
explain (analyze, buffers)
select count(*) from trajectory t where t.coach_id = :coach and t.phase <> 'CLOSED';

\echo
\echo '### The unchanged caseload rows query with random_page_cost = 1.1 (data in memory or on SSD), session setting only'
set random_page_cost = 1.1;
explain (analyze, buffers) execute caseload_rows(:'month_start', :'next_month', :coach, 20, 0);
reset random_page_cost;

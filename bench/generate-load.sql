-- The users and personal links of the load simulation (bench/README.md "Load: a working week"), on top of
-- generate.sql and generate-report.sql. Rerunnable: it adds what is missing and changes nothing that exists.
--
--   - 50 team managers benchmanager01 ... benchmanager50 (MANAGER of organisation 1 ... 50), password 'bench';
--   - a questionnaire link for the employee of every wave that can be answered today (open, from 14 days before its
--     due date until 42 days after it, MeasurementWindow.answerableOn), with a known token:
--     'load' followed by the wave's id, zero-padded to 43 characters (the form of PersonalTokens.wellFormed). As in the
--     application, only the token's SHA-256 (hex) is stored (PersonalTokens.hash).
--   - the tokens of those links whose questionnaire is not completed yet, one a line, to the file given as
--     -v links=/path/links.csv (header "token"): the simulation's feeder. A run completes some; the next run's file
--     leaves them out.
--
-- Usage: psql -h 127.0.0.1 -U postgres -d jcm_bench_load -v ON_ERROR_STOP=1 -v links=/tmp/links.csv \
--            -f bench/generate-load.sql

\set ON_ERROR_STOP on
\timing on
\set bench_hash '{bcrypt}$2a$10$bieMHXtXC42ojkdkmE4hie3buqtf0gkl8/WM4wduldK3XA2ngVBSe'

\echo '== app_user: 50 team managers'
insert into app_user (username, password_hash, display_name, email, role, organisation_id)
select 'benchmanager' || lpad(o::text, 2, '0'), :'bench_hash', 'Bench Manager ' || o,
       'benchmanager' || o || '@bench.example', 'MANAGER', o
from generate_series(1, 50) o
where not exists (select 1 from app_user u where u.username = 'benchmanager' || lpad(o::text, 2, '0'));

\echo '== questionnaire_link: the employee of every answerable wave'
insert into questionnaire_link (wave_id, respondent, person_id, token_hash, created_at, created_by)
select w.id, 'EMPLOYEE', t.employee_id,
       encode(sha256(convert_to('load' || lpad(w.id::text, 39, '0'), 'SQL_ASCII')), 'hex'), now(), t.coach_id
from measurement_wave w
join trajectory t on t.id = w.trajectory_id
where w.status = 'OPEN' and w.due_on - 14 <= current_date and current_date < w.due_on + 42
  and not exists (select 1 from questionnaire_link l where l.wave_id = w.id and l.respondent = 'EMPLOYEE'
                  and l.revoked_at is null)
order by w.id;

\echo '== links whose questionnaire can still be completed'
select count(*) as open_links
from questionnaire_link l
join measurement_wave w on w.id = l.wave_id
where l.respondent = 'EMPLOYEE' and l.revoked_at is null
  and l.token_hash = encode(sha256(convert_to('load' || lpad(w.id::text, 39, '0'), 'SQL_ASCII')), 'hex')
  and w.due_on - 14 <= current_date and current_date < w.due_on + 42
  and not exists (select 1 from response r where r.wave_id = w.id and r.respondent = 'EMPLOYEE'
                  and r.completed_at is not null);

\set copy '\\copy (select ''load'' || lpad(w.id::text, 39, ''0'') as token from questionnaire_link l join measurement_wave w on w.id = l.wave_id where l.respondent = ''EMPLOYEE'' and l.revoked_at is null and l.token_hash = encode(sha256(convert_to(''load'' || lpad(w.id::text, 39, ''0''), ''SQL_ASCII'')), ''hex'') and w.due_on - 14 <= current_date and current_date < w.due_on + 42 and not exists (select 1 from response r where r.wave_id = w.id and r.respondent = ''EMPLOYEE'' and r.completed_at is not null) order by md5(w.id::text)) to ' :'links' ' with (format csv, header)'
:copy

analyze app_user;
analyze questionnaire_link;

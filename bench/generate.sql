-- Bulk data for the page benchmark (see bench/README.md).
--
-- Runs against a database whose schema was created by the application's own Flyway migrations (empty tables).
-- Everything is set-based (insert ... select from generate_series) and deterministic: no random(), every "random"
-- choice is a multiplicative hash of the row number, so two runs on the same day produce the same rows. Dates are
-- relative to current_date, so "this month" always has contacts and no contact lies in the future.
--
-- Shape:
--   50 organisations, 5 commissioners, 5,000 coaches (role COACH, 100 per organisation), 5,000 employers,
--   200,000 employees, 200,000 trajectories (coach c gets trajectories c, c+5000, c+10000, ... = exactly 40 each),
--   one phase_change (position 0) and one coach_assignment (position 0) per trajectory, plus a second phase_change
--   for the ~4% closed trajectories, 5,000,000 contacts (~25 per trajectory, interleaved over 2 years, so the
--   contacts of one trajectory are spread over the table as they would be in production), contact_theme rows for
--   ~65% of the contacts (~25% have a second theme).
--   The coach with id 1 is 'benchcoach' (password 'bench'): 40 trajectories, none closed; trajectory 1 is one of them
--   and has exactly 100 contacts, roughly one a week over the last two years.
--
-- Usage: psql -h 127.0.0.1 -U postgres -d jcm_bench -v ON_ERROR_STOP=1 -f bench/generate.sql

\set ON_ERROR_STOP on
\timing on

\set organisations 50
\set commissioners 5
\set coaches 5000
\set employers 5000
\set trajectories 200000
\set contacts 5000000
\set bench_contacts 100
-- BCrypt (cost 10) of 'bench', computed once with Spring Security's BCrypt.hashpw (see README).
\set bench_hash '{bcrypt}$2a$10$bieMHXtXC42ojkdkmE4hie3buqtf0gkl8/WM4wduldK3XA2ngVBSe'

-- Refuse to run on a database that already has data (the ids below are explicit).
do $$
begin
    if exists (select 1 from app_user) or exists (select 1 from trajectory) then
        raise exception 'jcm_bench is not empty; run.sh drops and recreates it';
    end if;
end $$;

\echo '== organisation'
insert into organisation (id, name, city)
select g, 'Bench jobcoachorganisatie ' || g,
       (array['Utrecht', 'Amsterdam', 'Rotterdam', 'Den Haag', 'Eindhoven', 'Groningen', 'Zwolle', 'Arnhem',
              'Tilburg', 'Nijmegen'])[1 + g % 10]
from generate_series(1, :organisations) g;

\echo '== commissioner'
insert into commissioner (id, name, kind)
select g, case when g = :commissioners then 'UWV' else 'Gemeente bench ' || g end,
       case when g = :commissioners then 'UWV' else 'MUNICIPALITY' end
from generate_series(1, :commissioners) g;

-- Coaches: id 1 is benchcoach; coach c belongs to organisation 1 + (c - 1) % 50.
\echo '== app_user (5,000 coaches)'
insert into app_user (id, username, password_hash, display_name, email, role, organisation_id)
select g,
       case when g = 1 then 'benchcoach' else 'coach' || lpad(g::text, 5, '0') end,
       :'bench_hash',
       case when g = 1 then 'Bench Coach' else 'Coach ' || g end,
       case when g = 1 then 'benchcoach' else 'coach' || g end || '@bench.example',
       'COACH',
       1 + (g - 1) % :organisations
from generate_series(1, :coaches) g;

-- Employer e belongs to organisation 1 + (e - 1) % 50.
\echo '== employer'
insert into employer (id, organisation_id, name, city, sector)
select g, 1 + (g - 1) % :organisations, 'Werkgever ' || g || ' BV',
       (array['Utrecht', 'Amersfoort', 'Zeist', 'Houten', 'Nieuwegein', 'Woerden'])[1 + g % 6],
       (array['Zorg', 'Horeca', 'Logistiek', 'Detailhandel', 'Groenvoorziening', 'Schoonmaak', 'ICT',
              'Overheid'])[1 + (g / 7) % 8]
from generate_series(1, :employers) g;

-- Employee i is the employee of trajectory i, in the organisation of its coach.
\echo '== employee (200,000)'
insert into employee (id, organisation_id, first_name, last_name, birth_date, email, phone)
select g, 1 + (g - 1) % :organisations,
       (array['Sanne', 'Daan', 'Lotte', 'Sem', 'Emma', 'Lucas', 'Julia', 'Milan', 'Tess', 'Levi', 'Sophie', 'Finn',
              'Fleur', 'Noah', 'Lisa', 'Jesse', 'Anna', 'Thijs', 'Eva', 'Bram', 'Noor', 'Luuk', 'Iris', 'Ruben',
              'Femke', 'Stijn', 'Roos', 'Timo', 'Mila', 'Jayden', 'Yara', 'Mohamed', 'Fatima', 'Ayoub', 'Sara',
              'Kevin', 'Demi', 'Rik', 'Maud', 'Joep'])[1 + (h % 40)],
       (array['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit',
              'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen',
              'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden',
              'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek',
              'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
              'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins',
              'Blom', 'Huisman', 'Peeters', 'de Jonge', 'Kuipers', 'van Veen', 'Post', 'Kuiper', 'Veenstra',
              'Kramer', 'van den Brink', 'Scholten'])[1 + ((h / 40) % 60)],
       date '1990-01-01' + (h % 4000)::int,
       'werknemer' || g || '@mail.example',
       '06' || lpad((h % 100000000)::text, 8, '0')
from (select g, (g::bigint * 2654435761) % 4294967296 as h from generate_series(1, :trajectories) g) s;

-- Trajectory t: coach 1 + (t - 1) % 5000, so every coach has exactly 40. Phase by hash: ~85% COACHING, ~11%
-- JOB_SEARCH (no job, no employer), ~4% CLOSED (never for benchcoach). Started 2 to 3 years ago.
\echo '== trajectory (200,000)'
insert into trajectory (id, employee_id, organisation_id, coach_id, commissioner_id, employer_id, phase,
                        closing_reason, started_on, closed_on, job_title, job_contract_hours, job_contract_type,
                        job_started_on)
select t, t, org, coach, 1 + (h / 100) % :commissioners,
       case when phase = 'JOB_SEARCH' then null else org + :organisations * ((t / :organisations) % 100) end,
       phase,
       case when phase = 'CLOSED'
            then (array['JOB_KEPT_COACHING_NO_LONGER_NEEDED', 'JOB_LOST', 'OTHER_WORK', 'WITHDRAWN', 'OTHER'])[1 + h % 5]
       end,
       started_on,
       case when phase = 'CLOSED' then current_date - 1 - (t % 60) end,
       case when phase <> 'JOB_SEARCH' then
            (array['Medewerker magazijn', 'Keukenhulp', 'Medewerker groen', 'Administratief medewerker',
                   'Schoonmaker', 'Vakkenvuller', 'Productiemedewerker', 'Medewerker facilitair',
                   'Helpende zorg', 'Monteur fietsen', 'Medewerker postkamer', 'Barista'])[1 + (h / 1000) % 12]
       end,
       case when phase <> 'JOB_SEARCH' then 8 + (h / 10000) % 29 end,
       case when phase <> 'JOB_SEARCH' then
            (array['PERMANENT', 'TEMPORARY', 'TEMPORARY', 'ON_CALL', 'TRAINEESHIP'])[1 + (h / 100000) % 5]
       end,
       case when phase <> 'JOB_SEARCH' then started_on end
from (select t, org, coach, h, started_on,
             case when coach <> 1 and h % 100 < 4 then 'CLOSED'
                  when h % 100 < 15 then 'JOB_SEARCH'
                  else 'COACHING' end as phase
      from (select t, 1 + (t - 1) % :organisations as org, 1 + (t - 1) % :coaches as coach,
                   (t::bigint * 2654435761) % 4294967296 as h,
                   current_date - 730 - (t % 365) as started_on
            from generate_series(1, :trajectories) t) a) b;

\echo '== phase_change, position 0'
insert into phase_change (trajectory_id, position, from_phase, to_phase, changed_on, closing_reason, changed_by)
select id, 0, null, case when phase = 'JOB_SEARCH' then 'JOB_SEARCH' else 'COACHING' end, started_on, null, coach_id
from trajectory;

\echo '== phase_change, position 1 (closed trajectories)'
insert into phase_change (trajectory_id, position, from_phase, to_phase, changed_on, closing_reason, changed_by)
select id, 1, 'COACHING', 'CLOSED', closed_on, closing_reason, coach_id
from trajectory where phase = 'CLOSED';

\echo '== coach_assignment'
insert into coach_assignment (trajectory_id, position, coach_id, assigned_on, assigned_by)
select id, 0, coach_id, started_on, coach_id from trajectory;

-- Contacts. Row n goes to trajectory 1 when n is a multiple of contacts/bench_contacts (exactly 100 rows), otherwise
-- round-robin over trajectories 2..200000 (24 or 25 each). contact_on grows with n from current_date - 730 to
-- current_date, so ids follow time as in production and one trajectory's contacts sit on different pages.
\echo '== contact (5,000,000)'
insert into contact (id, trajectory_id, contact_on, minutes, party, mode, note, logged_by, logged_at)
select n, tid, d, 15 + (h % 106)::int,
       (array['EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE',
              'EMPLOYEE', 'EMPLOYER', 'EMPLOYER', 'EMPLOYER', 'EMPLOYER', 'EMPLOYER', 'COLLEAGUES', 'COLLEAGUES',
              'CARE_PROVIDER', 'CARE_PROVIDER', 'RELATIVES', 'OTHER'])[1 + (h / 106) % 20],
       (array['WORKPLACE_VISIT', 'WORKPLACE_VISIT', 'WORKPLACE_VISIT', 'WORKPLACE_VISIT', 'HOME_VISIT', 'OFFICE',
              'OFFICE', 'PHONE', 'PHONE', 'PHONE', 'VIDEO', 'MESSAGE'])[1 + (h / 2120) % 12],
       case when (h / 25440) % 3 = 0 then
            'Gesprek over ' || (array['werkdruk', 'de planning', 'samenwerking met collega''s', 'reistijd',
                                      'contracturen', 'de begeleiding thuis', 'een conflict', 'scholing'])
                               [1 + (h / 76320) % 8] || ', afspraken gemaakt voor de komende weken.'
       end,
       1 + (tid - 1) % :coaches,
       least(now(), (d + time '08:30' + ((h / 611) % 540) * interval '1 minute') at time zone 'Europe/Amsterdam')
from (select n, h,
             case when n % (:contacts / :bench_contacts) = 0 then 1
                  else 2 + (n - 1 - n / (:contacts / :bench_contacts)) % (:trajectories - 1) end as tid,
             current_date - 730 + ((n - 1)::bigint * 731 / :contacts)::int as d
      from (select n, (n::bigint * 2654435761) % 4294967296 as h from generate_series(1, :contacts) n) x) s;

-- Themes: ~65% of contacts have one, ~25% a second (always a different one).
\echo '== contact_theme, first theme'
insert into contact_theme (contact_id, theme)
select id, themes[1 + a]
from (select c.id, ((c.id * 2246822519) % 4294967296 / 100) % 17 as a
      from contact c where ((c.id * 2246822519) % 4294967296) % 100 < 65) s,
     (select array['STRESS', 'LIMITS', 'COMMUNICATION', 'WORK_LIFE_BALANCE', 'VULNERABILITY', 'DISCLOSURE',
                   'CHANGES_EVENTS', 'DEBTS', 'PRACTICAL_ARRANGEMENTS', 'SELF_MANAGEMENT', 'GROWTH', 'JOB_SEARCH',
                   'DEALING_WITH_EMPLOYEE', 'ADJUSTMENTS', 'REGULATIONS', 'CARE_COORDINATION', 'RELATIVES'] as themes) t;

\echo '== contact_theme, second theme'
insert into contact_theme (contact_id, theme)
select id, themes[1 + (a + 1 + b) % 17]
from (select c.id, ((c.id * 2246822519) % 4294967296 / 100) % 17 as a,
             ((c.id * 2246822519) % 4294967296 / 10000) % 16 as b
      from contact c where ((c.id * 2246822519) % 4294967296) % 100 < 25) s,
     (select array['STRESS', 'LIMITS', 'COMMUNICATION', 'WORK_LIFE_BALANCE', 'VULNERABILITY', 'DISCLOSURE',
                   'CHANGES_EVENTS', 'DEBTS', 'PRACTICAL_ARRANGEMENTS', 'SELF_MANAGEMENT', 'GROWTH', 'JOB_SEARCH',
                   'DEALING_WITH_EMPLOYEE', 'ADJUSTMENTS', 'REGULATIONS', 'CARE_COORDINATION', 'RELATIVES'] as themes) t;

-- The ids above were explicit: move every identity sequence past them so the application can still insert.
\echo '== identity sequences'
select setval(pg_get_serial_sequence('organisation', 'id'), (select max(id) from organisation));
select setval(pg_get_serial_sequence('commissioner', 'id'), (select max(id) from commissioner));
select setval(pg_get_serial_sequence('app_user', 'id'), (select max(id) from app_user));
select setval(pg_get_serial_sequence('employer', 'id'), (select max(id) from employer));
select setval(pg_get_serial_sequence('employee', 'id'), (select max(id) from employee));
select setval(pg_get_serial_sequence('trajectory', 'id'), (select max(id) from trajectory));
select setval(pg_get_serial_sequence('contact', 'id'), (select max(id) from contact));

\echo '== sanity checks'
-- Sanity checks: the benchmark's premises must hold, or the run fails here.
do $$
declare
    n bigint;
begin
    select count(*) into n from trajectory t join app_user u on u.id = t.coach_id
        where u.username = 'benchcoach' and t.phase <> 'CLOSED';
    if n <> 40 then raise exception 'benchcoach has % open trajectories, expected 40', n; end if;
    select count(*) into n from contact where trajectory_id = 1;
    if n <> 100 then raise exception 'trajectory 1 has % contacts, expected 100', n; end if;
    select count(*) into n from trajectory;
    if n <> 200000 then raise exception '% trajectories, expected 200000', n; end if;
    select count(*) into n from contact;
    if n <> 5000000 then raise exception '% contacts, expected 5000000', n; end if;
    if exists (select 1 from contact where contact_on > current_date) then
        raise exception 'contact in the future';
    end if;
    if exists (select 1 from contact c join trajectory t on t.id = c.trajectory_id where c.contact_on < t.started_on) then
        raise exception 'contact before the start of its trajectory';
    end if;
end $$;

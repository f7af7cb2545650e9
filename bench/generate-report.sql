-- The outcomes read models for the study-report benchmark (see bench/README.md, "Study report"). Runs after
-- bench/generate.sql, on its 200,000 trajectories and 5,000,000 contacts.
--
-- Fills trajectory_indicator, trajectory_month, wave_indicator, wave_work_value and signal for every trajectory the
-- way outcomes/IndicatorCalculator and IndicatorStore would have computed them, and measurement_wave as
-- measurement/WavePlanner would have planned them, but set-based (one insert ... select per table) instead of ~35
-- statements per trajectory:
--   - coaching_started_on: the first phase change to COACHING (null for the ~11% still in JOB_SEARCH);
--   - contact hours in months 0-3 and 3-6 of coaching, last contact, and the minutes per calendar month and party
--     group: exact aggregates of the contact table, with the calculator's rules (periods [start, start + 3 months)
--     and [start + 3 months, start + 6 months), months passed capped at 3, hours = minutes / 60 rounded half up);
--   - the measurement waves T0 (at the start, ~90% answered) and T2 (at 6 months, ~75% answered), each answered by
--     employee and coach. generate.sql has no measurement_wave or response rows, so these are written straight into
--     the read model: "as if" the questionnaires had been completed. Answers are drawn from fixed distributions
--     (below), and everything derived from them (capability set, gaps, retained, positive development, employment
--     ended, job fit first/latest, signals) is then computed from the drawn answers with the calculator's rules.
-- Row order: every insert is ordered by trajectory, so that the rows of one trajectory lie together as in production,
-- where IndicatorStore rewrites all of a trajectory's rows at once (delete, then insert) whenever one of its facts
-- changes. An unordered insert (in hash-aggregate order) scatters a trajectory's months over ~6 pages and made the
-- report's month query twice as slow as on the ordered table.
-- Deterministic like generate.sql: no random(); every draw is a hash of (trajectory id, a per-draw salt): salts 1-29
-- for T0's answers, 31-57 for T2's, 60-70 for which waves were answered and the employee's own level, 80-118 for the
-- work values (with id * 8 + the value's number as the id). Dates are
-- relative to current_date, as in generate.sql.
--
-- Also adds two users with the password 'bench': benchgemeente (COMMISSIONER of commissioner 1, ~18% of the
-- trajectories) and benchonderzoeker (RESEARCHER: the overall report of all trajectories).
--
-- Reruns are allowed: the read models are emptied first (as OutcomesManagement.rebuild does).
--
-- Usage: psql -h 127.0.0.1 -U postgres -d jcm_bench -v ON_ERROR_STOP=1 -f bench/generate-report.sql

\set ON_ERROR_STOP on
\timing on
-- The same BCrypt hash of 'bench' as generate.sql.
\set bench_hash '{bcrypt}$2a$10$bieMHXtXC42ojkdkmE4hie3buqtf0gkl8/WM4wduldK3XA2ngVBSe'

do $$
begin
    if (select count(*) from trajectory) <> 200000 or (select count(*) from contact) <> 5000000 then
        raise exception 'run bench/generate.sql first (200,000 trajectories, 5,000,000 contacts expected)';
    end if;
end $$;

-- A 32-bit integer hash (two rounds of xor-shift and multiply), as a draw in [0, 1) for (id, salt). Temporary: it
-- leaves nothing behind in the application's schema.
create function pg_temp.mix(x bigint) returns bigint language sql immutable as
    $$ select (((x >> 16) # x) * 73244475) & 4294967295 $$;
create function pg_temp.u(id bigint, salt int) returns double precision language sql immutable as
    $$ select ((pg_temp.mix(pg_temp.mix(((id * 128 + salt) * 2654435761) & 4294967295)) >> 16)
               # pg_temp.mix(pg_temp.mix(((id * 128 + salt) * 2654435761) & 4294967295)))::double precision
              / 4294967296 $$;
-- Months of a period [f, until) that have passed by today (inclusive) and the closing day, at most 3, as
-- IndicatorCalculator.intensity: whole calendar months (ChronoUnit.MONTHS) plus the rest as a share of the next month.
create function pg_temp.months(f date, until date, closed date) returns numeric language sql stable as
    $$ select case when e <= f then 0.00
                   else least(3, round(w + (e - a)::numeric / ((a + interval '1 month')::date - a), 2)) end
       from (select e, (f + make_interval(months => w))::date as a, w
             from (select e, ((extract(year from e) * 12 + extract(month from e))
                              - (extract(year from f) * 12 + extract(month from f)))::int
                             - case when extract(day from e) < extract(day from f) then 1 else 0 end as w
                   from (select least(until, current_date + 1, coalesce(closed + 1, until)) as e) x) y) z $$;
-- The number of work values in a wave's gaps ('' is none, null is not measured).
create function pg_temp.gap_count(gaps text) returns int language sql immutable as
    $$ select case when gaps = '' then 0 when gaps is not null then 1 + length(gaps) - length(replace(gaps, ',', ''))
              end $$;
-- Roughly normal: the mean of three draws, scaled to the given mean and standard deviation, rounded to an integer
-- and kept within [lo, hi].
create function pg_temp.grade(id bigint, salt int, mean numeric, sd numeric, lo int, hi int) returns int
    language sql immutable as
    $$ select least(hi, greatest(lo, round(mean + sd * 2 * (pg_temp.u(id, salt) + pg_temp.u(id, salt + 1)
                                                            + pg_temp.u(id, salt + 2) - 1.5))))::int $$;

\echo '== emptying the read models'
truncate signal, wave_work_value, wave_indicator, trajectory_month, trajectory_indicator;
delete from app_user where username in ('benchgemeente', 'benchonderzoeker');

-- The facts per trajectory: phase, closing, and the start of coaching on the job (IndicatorStore.facts).
\echo '== facts per trajectory'
create temp table fact as
select t.id, t.phase, t.closing_reason, t.closed_on, t.job_contract_hours, p.started as s,
       (p.started + interval '6 months')::date as t2_due
from trajectory t
left join (select trajectory_id, min(changed_on) as started from phase_change where to_phase = 'COACHING'
           group by trajectory_id) p on p.trajectory_id = t.id;
alter table fact add primary key (id);
analyze fact;

-- The measurement waves the application plans (measurement/WavePlanner.catchUp, WaveSchedule): for every running
-- trajectory (COACHING, PHASE_OUT, CONTINUED_SUPPORT) T0 at the start of coaching, T1 at 3 months, T2 at 6 months,
-- then every 6 months up to and including the first one due after today, all OPEN. Without these rows the first
-- start of the application plans them itself (about 1.3 million inserts, a minute of work beside the benchmark).
-- No responses are written: the answers below go straight into the read model.
\echo '== measurement_wave (as WavePlanner plans them)'
insert into measurement_wave (trajectory_id, code, due_on, status, version)
select t.id, 'T' || n, w.due_on, 'OPEN', 0
from fact f
join trajectory t on t.id = f.id and t.phase in ('COACHING', 'PHASE_OUT', 'CONTINUED_SUPPORT')
cross join generate_series(0, 40) n
cross join lateral (select case when n = 0 then f.s when n = 1 then (f.s + interval '3 months')::date
                                else (f.s + make_interval(months => 6 * (n - 1)))::date end as due_on,
                           case when n <= 2 then null
                                else (f.s + make_interval(months => 6 * (n - 2)))::date end as due_before) w
where f.s is not null and (n <= 2 or w.due_before <= current_date)
on conflict (trajectory_id, code) do nothing;
analyze measurement_wave;

-- Waves: T0 (due at the start) for ~90%, T2 (due at 6 months) for ~75% of the trajectories in coaching on the job,
-- both answered by employee and coach. An employee draws a set of propensities once (a "true" job fit, rapport,
-- satisfaction), and each wave's answers scatter around them, so T0 and T2 are correlated as in a panel.
\echo '== wave answers (temporary)'
create temp table answer as
select f.id, w.code, w.due_on, w.salt,
       -- job fit (coach, 1-10, about 7), slightly better at T2
       least(10, greatest(1, pg_temp.grade(f.id, 62, 7, 1.5, 1, 10) + case when w.code = 'T2'
             then pg_temp.grade(f.id, w.salt + 1, 0.2, 1.0, -3, 3) else 0 end)) as job_fit,
       -- rapport (employee, three items 1-5, about 4): the sum of the three items, 3..15
       least(15, greatest(3, pg_temp.grade(f.id, 65, 12, 1.6, 3, 15) + pg_temp.grade(f.id, w.salt + 4, 0, 1.0, -3, 3)))
           as rapport_sum,
       pg_temp.grade(f.id, w.salt + 7, 4, 0.8, 1, 5) as rapport_coach,
       -- fit with wishes (employee, two items 1-5, about 3.9): the sum, 2..10
       least(10, greatest(2, pg_temp.grade(f.id, 68, 8, 1.2, 2, 10) + pg_temp.grade(f.id, w.salt + 10, 0, 0.8, -2, 2)))
           as wishes_sum,
       pg_temp.grade(f.id, w.salt + 13, 8.2, 1.1, 1, 10) as coach_value,
       pg_temp.u(f.id, w.salt + 16) as u_employer,
       pg_temp.grade(f.id, w.salt + 17, 8.4, 1.3, 1, 10) as reaction_employer,
       pg_temp.u(f.id, w.salt + 20) as u_colleagues,
       pg_temp.grade(f.id, w.salt + 21, 7.9, 1.4, 1, 10) as reaction_colleagues,
       pg_temp.u(f.id, w.salt + 24) as u_paid,
       pg_temp.u(f.id, w.salt + 25) as u_hours,
       pg_temp.u(f.id, w.salt + 26) as u_tasks,
       pg_temp.u(f.id, w.salt + 27) as u_care
from fact f
cross join lateral (values ('T0', f.s, 0), ('T2', f.t2_due, 30)) w(code, due_on, salt)
where f.s is not null
  and ((w.code = 'T0' and pg_temp.u(f.id, 60) < 0.90) or (w.code = 'T2' and pg_temp.u(f.id, 61) < 0.75));
analyze answer;

-- Work values (employee, 7 values x important/offered/achieved, 1-5). Importance about 4.1, offer about 3.6,
-- achievement about 3.3 at T0 and 3.5 at T2, each value with its own shift.
\echo '== wave_work_value'
insert into wave_work_value (trajectory_id, wave_code, work_value, important, offered, achieved)
select a.id, a.code, v.code,
       pg_temp.grade(a.id * 8 + v.n, a.salt + 80, 4.1 + v.shift, 0.8, 1, 5),
       pg_temp.grade(a.id * 8 + v.n, a.salt + 83, 3.6 + v.shift, 0.9, 1, 5),
       pg_temp.grade(a.id * 8 + v.n, a.salt + 86, case when a.code = 'T2' then 3.5 else 3.3 end + v.shift, 0.9, 1, 5)
from answer a
cross join (values (1, 'use_skills', 0.1), (2, 'develop_skills', 0.0), (3, 'decisions', -0.4), (4, 'contacts', 0.2),
                   (5, 'own_goals', -0.1), (6, 'income', 0.3), (7, 'contribute', 0.1)) v(n, code, shift)
order by a.id, a.code, v.n;
analyze wave_work_value;

-- What each wave measured (IndicatorCalculator.waves): rapport and fit with wishes as the mean of their items
-- (2 decimals, half up), disclosure yes/partly/no about 62/16/22 (employer) and 45/13/42 (colleagues) with a grade
-- for the reaction only after yes or partly, paid work at T2 (retained) about 88%, contract hours, tasks changed
-- (only asked from T1 on), capability set and gaps from the work values.
\echo '== wave_indicator'
insert into wave_indicator (trajectory_id, wave_code, due_on, paid_work, contract_hours, tasks_change, job_fit,
                            rapport_employee, rapport_coach, fit_wishes, coach_value, disclosed_employer,
                            reaction_employer, disclosed_colleagues, reaction_colleagues, capability_set, gaps,
                            care_conflict)
select a.id, a.code, a.due_on, p.paid,
       case when not p.paid then null
            when a.code = 'T0' then coalesce(f.job_contract_hours, 24)
            else least(60, coalesce(f.job_contract_hours, 24) + case when a.u_hours < 0.18 then 4 else 0 end) end,
       case when a.code = 'T0' or not p.paid then null
            when a.u_tasks < 0.24 then 'more' when a.u_tasks < 0.85 then 'same' else 'fewer' end,
       a.job_fit, round(a.rapport_sum / 3.0, 2), a.rapport_coach, round(a.wishes_sum / 2.0, 2), a.coach_value,
       d.employer,
       case when d.employer <> 'no' then a.reaction_employer end,
       d.colleagues,
       case when d.colleagues <> 'no' then a.reaction_colleagues end,
       v.capability_set, v.gaps, a.u_care < 0.08
from answer a
join fact f on f.id = a.id
-- retention: about 88%, a little more likely with a better job fit
cross join lateral (select a.code = 'T0' or a.u_paid < 0.88 + 0.03 * (a.job_fit - 7) as paid) p
cross join lateral (select case when a.u_employer < 0.62 then 'yes' when a.u_employer < 0.78 then 'partly'
                                else 'no' end as employer,
                           case when a.u_colleagues < 0.45 then 'yes' when a.u_colleagues < 0.58 then 'partly'
                                else 'no' end as colleagues) d
join (select trajectory_id, wave_code,
             count(*) filter (where important >= 4 and offered >= 4 and achieved >= 4)::int as capability_set,
             coalesce(string_agg(work_value, ',' order by work_value) filter (where important >= 4 and achieved < 4),
                      '') as gaps
      from wave_work_value group by trajectory_id, wave_code) v on v.trajectory_id = a.id and v.wave_code = a.code
order by a.id, a.code;
analyze wave_indicator;

-- Contact minutes per month since the start of coaching and party group (IndicatorCalculator.months, V45; Party.group:
-- employer includes colleagues). Month n runs from the start plus n months (MonthsOfCoaching.index: PostgreSQL's
-- date + interval cuts the 31st to the month's end as Java's plusMonths does); contacts before the start, and the
-- trajectories not yet coaching on the job, have no rows.
\echo '== trajectory_month'
insert into trajectory_month (trajectory_id, month_index, employee_minutes, employer_minutes, other_minutes)
select trajectory_id, month_index,
       coalesce(sum(minutes) filter (where party = 'EMPLOYEE'), 0),
       coalesce(sum(minutes) filter (where party in ('EMPLOYER', 'COLLEAGUES')), 0),
       coalesce(sum(minutes) filter (where party not in ('EMPLOYEE', 'EMPLOYER', 'COLLEAGUES')), 0)
from (select c.trajectory_id, c.minutes, c.party,
             case when (f.s + make_interval(months => m.n0 + 1))::date <= c.contact_on then m.n0 + 1 else m.n0 end
                 as month_index
      from contact c
      join fact f on f.id = c.trajectory_id and f.s is not null and c.contact_on >= f.s
      cross join lateral (select (extract(year from age(c.contact_on, f.s)) * 12
                                  + extract(month from age(c.contact_on, f.s)))::int as n0) m) x
group by trajectory_id, month_index
order by trajectory_id, month_index;
analyze trajectory_month;

-- The indicators per trajectory (IndicatorCalculator.compute), from the contacts and the waves above.
\echo '== trajectory_indicator'
insert into trajectory_indicator (trajectory_id, coaching_started_on, months_0_3, hours_employee_0_3,
                                  hours_employer_0_3, hours_total_0_3, months_3_6, hours_employee_3_6,
                                  hours_employer_3_6, hours_total_3_6, last_contact_on, retained,
                                  positive_development, employment_ended, job_fit_first, job_fit_latest,
                                  rapport_employee, rapport_coach, fit_wishes, capability_set_first,
                                  capability_set_latest, gaps_latest, computed_at)
select f.id, f.s,
       m1.months, round(coalesce(c.employee_1, 0) / 60.0, 2), round(coalesce(c.employer_1, 0) / 60.0, 2),
       round(coalesce(c.total_1, 0) / 60.0, 2),
       m2.months, round(coalesce(c.employee_2, 0) / 60.0, 2), round(coalesce(c.employer_2, 0) / 60.0, 2),
       round(coalesce(c.total_2, 0) / 60.0, 2),
       c.last_contact_on,
       -- retained: lost the job before T2 is no; else paid work at T2; else lost the job is no; else unknown
       case when f.closing_reason = 'JOB_LOST' and f.s is not null and f.closed_on <= f.t2_due then false
            when w2.paid_work is not null then w2.paid_work
            when f.closing_reason = 'JOB_LOST' then false end,
       -- positive development: more contract hours at T2 than T0, or more tasks at a wave due by T2 (no job changes
       -- in this data); no if T2 was answered or is past
       case when f.s is null then null
            when w2.contract_hours > w0.contract_hours or w2.tasks_change = 'more' then true
            when w2.trajectory_id is not null or current_date > f.t2_due then false end,
       coalesce(f.closing_reason = 'JOB_LOST', false) or coalesce(not wl.paid_work, false),
       coalesce(w0.job_fit, w2.job_fit), wl.job_fit, wl.rapport_employee, wl.rapport_coach, wl.fit_wishes,
       coalesce(w0.capability_set, w2.capability_set), wl.capability_set,
       pg_temp.gap_count(wl.gaps),
       now()
from fact f
left join wave_indicator w0 on w0.trajectory_id = f.id and w0.wave_code = 'T0'
left join wave_indicator w2 on w2.trajectory_id = f.id and w2.wave_code = 'T2'
left join lateral (select coalesce(w2.paid_work, w0.paid_work) as paid_work, coalesce(w2.job_fit, w0.job_fit) as job_fit,
                          coalesce(w2.rapport_employee, w0.rapport_employee) as rapport_employee,
                          coalesce(w2.rapport_coach, w0.rapport_coach) as rapport_coach,
                          coalesce(w2.fit_wishes, w0.fit_wishes) as fit_wishes,
                          coalesce(w2.capability_set, w0.capability_set) as capability_set,
                          case when w2.trajectory_id is not null then w2.gaps else w0.gaps end as gaps) wl on true
left join (select c.trajectory_id, max(c.contact_on) as last_contact_on,
                  sum(c.minutes) filter (where p = 1) as total_1,
                  sum(c.minutes) filter (where p = 1 and c.party = 'EMPLOYEE') as employee_1,
                  sum(c.minutes) filter (where p = 1 and c.party in ('EMPLOYER', 'COLLEAGUES')) as employer_1,
                  sum(c.minutes) filter (where p = 2) as total_2,
                  sum(c.minutes) filter (where p = 2 and c.party = 'EMPLOYEE') as employee_2,
                  sum(c.minutes) filter (where p = 2 and c.party in ('EMPLOYER', 'COLLEAGUES')) as employer_2
           from contact c
           join fact f on f.id = c.trajectory_id
           cross join lateral (select case when c.contact_on >= f.s and c.contact_on < (f.s + interval '3 months')::date
                                           then 1
                                           when c.contact_on >= (f.s + interval '3 months')::date
                                                and c.contact_on < f.t2_due then 2 end as p) period
           group by c.trajectory_id) c on c.trajectory_id = f.id
cross join lateral (select case when f.s is null then 0.00
                                else pg_temp.months(f.s, (f.s + interval '3 months')::date, f.closed_on) end as months) m1
cross join lateral (select case when f.s is null then 0.00
                                else pg_temp.months((f.s + interval '3 months')::date, f.t2_due, f.closed_on) end
                           as months) m2
order by f.id;
analyze trajectory_indicator;

-- Signals (IndicatorCalculator.signals), raised today: for a closed trajectory only "employment ended" after a lost
-- job; otherwise employment ended (no paid work at the latest wave), low rapport (2.5 or less), job fit declining
-- (more gaps than the wave before, or the coach's job fit 2 or more lower), a care conflict, and no recent contact
-- (30 days or more since the last contact, or since the start, for a trajectory in COACHING), a wave overdue.
\echo '== signal'
insert into signal (trajectory_id, kind, trigger_key, raised_on)
select f.id, s.kind, s.trigger_key, current_date
from fact f
left join wave_indicator w0 on w0.trajectory_id = f.id and w0.wave_code = 'T0'
left join wave_indicator w2 on w2.trajectory_id = f.id and w2.wave_code = 'T2'
left join trajectory_indicator i on i.trajectory_id = f.id
left join (select trajectory_id, min(code) as code from measurement_wave
           where status = 'OPEN' and due_on <= current_date - 14 and due_on > current_date - 42
           group by trajectory_id) o on o.trajectory_id = f.id
cross join lateral (
    select 'EMPLOYMENT_ENDED' as kind, 'closed' as trigger_key where f.phase = 'CLOSED' and f.closing_reason = 'JOB_LOST'
    union all
    select 'EMPLOYMENT_ENDED', coalesce(w2.wave_code, w0.wave_code)
        where f.phase <> 'CLOSED' and not coalesce(w2.paid_work, w0.paid_work)
    union all
    select 'LOW_RAPPORT', coalesce(w2.wave_code, w0.wave_code)
        where f.phase <> 'CLOSED' and coalesce(w2.rapport_employee, w0.rapport_employee) <= 2.5
    union all
    select 'JOB_FIT_DECLINING', 'T2'
        where f.phase <> 'CLOSED' and w0.trajectory_id is not null and w2.trajectory_id is not null
          and (pg_temp.gap_count(w2.gaps) > pg_temp.gap_count(w0.gaps) or w0.job_fit - w2.job_fit >= 2)
    union all
    select 'CARE_CONFLICT', coalesce(w2.wave_code, w0.wave_code)
        where f.phase <> 'CLOSED' and coalesce(w2.care_conflict, w0.care_conflict)
    union all
    -- a wave 14 to 41 days past due with its questionnaires not all completed (here: none are)
    select 'WAVE_OVERDUE', o.code where f.phase <> 'CLOSED' and o.code is not null
    union all
    select 'NO_RECENT_CONTACT', greatest(f.s, i.last_contact_on)::text
        where f.phase = 'COACHING' and f.s is not null and current_date - greatest(f.s, i.last_contact_on) >= 30
) s;

\echo '== users: benchgemeente (COMMISSIONER of commissioner 1), benchonderzoeker (RESEARCHER)'
insert into app_user (username, password_hash, display_name, email, role, organisation_id, commissioner_id)
values ('benchgemeente', :'bench_hash', 'Bench Gemeente', 'benchgemeente@bench.example', 'COMMISSIONER', null, 1),
       ('benchonderzoeker', :'bench_hash', 'Bench Onderzoeker', 'benchonderzoeker@bench.example', 'RESEARCHER', null,
        null);

\echo '== sanity checks'
do $$
declare
    n bigint;
    share numeric;
begin
    select count(*) into n from trajectory_indicator;
    if n <> 200000 then raise exception '% trajectory_indicator rows, expected 200000', n; end if;
    select count(*) into n from trajectory_indicator where coaching_started_on is not null;
    if n not between 170000 and 185000 then raise exception '% trajectories in coaching on the job', n; end if;
    select sum(employee_minutes + employer_minutes + other_minutes) into n from trajectory_month;
    if n <> (select sum(c.minutes) from contact c join trajectory_indicator i on i.trajectory_id = c.trajectory_id
             where c.contact_on >= i.coaching_started_on) then
        raise exception 'trajectory_month does not add up to the contacts since the start of coaching';
    end if;
    select avg(retained::int) into share from trajectory_indicator i
        join wave_indicator w on w.trajectory_id = i.trajectory_id and w.wave_code = 'T2';
    if share not between 0.85 and 0.91 then raise exception 'retained among those with T2: %', share; end if;
    select avg(positive_development::int) into share from trajectory_indicator where coaching_started_on is not null;
    if share not between 0.20 and 0.30 then raise exception 'positive development: %', share; end if;
    select count(*) into n from trajectory t join commissioner c on c.id = t.commissioner_id
        join trajectory_indicator i on i.trajectory_id = t.id
        where c.id = 1 and i.coaching_started_on is not null;
    if n < 30000 then raise exception 'commissioner 1 has only % trajectories in coaching on the job', n; end if;
    if (select count(*) from app_user where username in ('benchgemeente', 'benchonderzoeker')) <> 2 then
        raise exception 'bench users missing';
    end if;
end $$;

\echo '== what was generated (for the README)'
select count(*) filter (where coaching_started_on is not null) as in_coaching,
       round(avg(case when months_0_3 >= 1 then hours_total_0_3 / months_0_3 end), 2) as hours_per_month_0_3,
       round(avg(case when months_3_6 >= 1 then hours_total_3_6 / months_3_6 end), 2) as hours_per_month_3_6,
       count(*) filter (where hours_total_0_3 > 0) as with_contact_0_3,
       count(*) filter (where hours_total_3_6 > 0) as with_contact_3_6,
       round(100 * avg(retained::int), 1) as retained_pct, count(retained) as retained_n,
       round(100 * avg(positive_development::int), 1) as positive_pct, count(positive_development) as positive_n,
       round(avg(job_fit_latest), 2) as job_fit, round(avg(rapport_employee), 2) as rapport,
       round(avg(fit_wishes), 2) as fit_wishes, round(avg(capability_set_latest), 2) as capability_set,
       round(avg(gaps_latest), 2) as gaps
from trajectory_indicator \gx
select wave_code, count(*) as n,
       round(100.0 * count(*) filter (where disclosed_employer = 'yes') / count(*), 1) as told_employer_yes_pct,
       round(100.0 * count(*) filter (where disclosed_employer = 'partly') / count(*), 1) as told_employer_partly_pct,
       round(avg(reaction_employer), 2) as reaction_employer, round(avg(reaction_colleagues), 2) as reaction_colleagues,
       round(avg(coach_value), 2) as coach_value, round(avg(contract_hours), 1) as contract_hours,
       round(100.0 * avg(paid_work::int), 1) as paid_work_pct
from wave_indicator group by wave_code order by wave_code;
select wave_code, work_value, round(avg(important), 2) as important, round(avg(offered), 2) as offered,
       round(avg(achieved), 2) as achieved
from wave_work_value group by wave_code, work_value order by wave_code, work_value;
select kind, count(*) from signal group by kind order by kind;
select relname as table, n_live_tup as rows, pg_size_pretty(pg_total_relation_size(relid)) as size_with_indexes
from pg_stat_user_tables
where relname in ('trajectory_indicator', 'trajectory_month', 'wave_indicator', 'wave_work_value', 'signal')
order by relname;

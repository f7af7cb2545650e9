-- Checks bench/generate-report.sql against the application's own calculator on a sample of 500 trajectories (every
-- trajectory with id mod 400 = 7). Two phases around one start of the application (bench/run-report.sh does this):
--
--   psql -v phase=save -f bench/check-report-data.sql      keeps the generated rows of the sample aside and deletes
--                                                          them from the read models;
--   (start the application: IndicatorUpdater.catchUp computes the indicators of the trajectories that have none)
--   psql -v phase=compare -f bench/check-report-data.sql   compares, then puts the generated rows back.
--
-- What can agree: everything computed from the contacts and phase changes (start of coaching, months and hours of
-- 0-3 and 3-6, last contact, minutes per month and party group). What cannot: everything from questionnaires, because
-- generate-report.sql writes the answers straight into the read model and there are no responses the application
-- could read (it leaves those fields empty). The signals differ for the same reason, except "wave overdue" and "no
-- recent contact".

\set ON_ERROR_STOP on
set client_min_messages = warning;
\pset pager off

\if :{?phase}
\else
    \echo 'usage: -v phase=save or -v phase=compare'
    \quit
\endif

select :'phase' = 'save' as saving \gset
\if :saving
    drop table if exists check_indicator, check_month, check_wave, check_work_value, check_signal;
    create table check_indicator as select * from trajectory_indicator where trajectory_id % 400 = 7;
    create table check_month as select * from trajectory_month where trajectory_id % 400 = 7;
    create table check_wave as select * from wave_indicator where trajectory_id % 400 = 7;
    create table check_work_value as select * from wave_work_value where trajectory_id % 400 = 7;
    create table check_signal as select * from signal where trajectory_id % 400 = 7;
    delete from wave_work_value where trajectory_id % 400 = 7;
    delete from wave_indicator where trajectory_id % 400 = 7;
    delete from trajectory_month where trajectory_id % 400 = 7;
    delete from signal where trajectory_id % 400 = 7;
    delete from trajectory_indicator where trajectory_id % 400 = 7;
    select count(*) as sample_trajectories from check_indicator;
\else
    \echo '== sample: generated (SQL) vs computed by the application, columns from contacts and phase changes'
    select count(*) as trajectories,
           count(*) filter (where a.trajectory_id is null) as not_computed,
           count(*) filter (where a.coaching_started_on is distinct from b.coaching_started_on) as differ_start,
           count(*) filter (where (a.months_0_3, a.hours_employee_0_3, a.hours_employer_0_3, a.hours_total_0_3)
                is distinct from (b.months_0_3, b.hours_employee_0_3, b.hours_employer_0_3, b.hours_total_0_3))
               as differ_0_3,
           count(*) filter (where (a.months_3_6, a.hours_employee_3_6, a.hours_employer_3_6, a.hours_total_3_6)
                is distinct from (b.months_3_6, b.hours_employee_3_6, b.hours_employer_3_6, b.hours_total_3_6))
               as differ_3_6,
           count(*) filter (where a.last_contact_on is distinct from b.last_contact_on) as differ_last_contact
    from check_indicator b left join trajectory_indicator a using (trajectory_id);
    select count(*) as month_rows,
           count(*) filter (where a.trajectory_id is null or b.trajectory_id is null) as only_one_side,
           count(*) filter (where (a.employee_minutes, a.employer_minutes, a.other_minutes)
                is distinct from (b.employee_minutes, b.employer_minutes, b.other_minutes)) as differ
    from (select * from trajectory_month where trajectory_id % 400 = 7) a
    full join check_month b using (trajectory_id, month_index);
    \echo '== signals of the sample that need no questionnaire: generated vs application'
    select kind, (select count(*) from check_signal c where c.kind = k.kind) as generated,
           (select count(*) from signal s where s.trajectory_id % 400 = 7 and s.kind = k.kind) as application,
           (select count(*) from (select trajectory_id, trigger_key from check_signal c where c.kind = k.kind
                                  except select trajectory_id, trigger_key from signal s
                                  where s.trajectory_id % 400 = 7 and s.kind = k.kind) d) as generated_only
    from (values ('WAVE_OVERDUE'), ('NO_RECENT_CONTACT')) k(kind);
    \echo '== putting the generated rows back'
    delete from wave_work_value where trajectory_id % 400 = 7;
    delete from wave_indicator where trajectory_id % 400 = 7;
    delete from trajectory_month where trajectory_id % 400 = 7;
    delete from signal where trajectory_id % 400 = 7;
    delete from trajectory_indicator where trajectory_id % 400 = 7;
    insert into trajectory_indicator select * from check_indicator;
    insert into trajectory_month select * from check_month;
    insert into wave_indicator select * from check_wave;
    insert into wave_work_value select * from check_work_value;
    insert into signal select * from check_signal;
    drop table check_indicator, check_month, check_wave, check_work_value, check_signal;
\endif

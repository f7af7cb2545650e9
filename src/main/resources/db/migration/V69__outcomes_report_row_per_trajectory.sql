-- The study report reads one row per trajectory (bench/README.md, "Restart, rebuild and report at 200k"): what it took
-- from the waves T0 and T2 (wave_indicator, wave_work_value) and the contact minutes of months 0-11 since the start of
-- coaching (trajectory_month) are kept in the trajectory's indicator row too, by the same code that writes those
-- tables (IndicatorStore, on every event that changes a trajectory's facts). Before, the report for every trajectory
-- joined 4.8 million month rows and 2 million work-value rows per request.
--   contract_hours_t0: the contract hours at T0 (the report uses them before the trajectory's own);
--   disclosed_*, reaction_*, coach_value: T2's answer, else T0's (each field on its own, as coalesce(T2, T0));
--   work_values_t0, work_values_t2: per work value, in the order of TrajectoryIndicators.WORK_VALUES, two digits:
--     importance and achievement (1-5), 00 where the value does not have both; null when the wave has no such value;
--   monthN_employee, monthN_employer, monthN_other: contact minutes in month N (0-11) since the start of coaching by
--     party group, as in trajectory_month; null when the trajectory has no contact in that month.
-- The existing rows are filled here from those tables, one statement per kind, so no rebuild is needed.
alter table trajectory_indicator add column contract_hours_t0 numeric(4, 1);
alter table trajectory_indicator add column disclosed_employer varchar(10);
alter table trajectory_indicator add column reaction_employer integer;
alter table trajectory_indicator add column disclosed_colleagues varchar(10);
alter table trajectory_indicator add column reaction_colleagues integer;
alter table trajectory_indicator add column coach_value integer;
alter table trajectory_indicator add column work_values_t0 varchar(14);
alter table trajectory_indicator add column work_values_t2 varchar(14);
alter table trajectory_indicator add column month0_employee integer;
alter table trajectory_indicator add column month0_employer integer;
alter table trajectory_indicator add column month0_other integer;
alter table trajectory_indicator add column month1_employee integer;
alter table trajectory_indicator add column month1_employer integer;
alter table trajectory_indicator add column month1_other integer;
alter table trajectory_indicator add column month2_employee integer;
alter table trajectory_indicator add column month2_employer integer;
alter table trajectory_indicator add column month2_other integer;
alter table trajectory_indicator add column month3_employee integer;
alter table trajectory_indicator add column month3_employer integer;
alter table trajectory_indicator add column month3_other integer;
alter table trajectory_indicator add column month4_employee integer;
alter table trajectory_indicator add column month4_employer integer;
alter table trajectory_indicator add column month4_other integer;
alter table trajectory_indicator add column month5_employee integer;
alter table trajectory_indicator add column month5_employer integer;
alter table trajectory_indicator add column month5_other integer;
alter table trajectory_indicator add column month6_employee integer;
alter table trajectory_indicator add column month6_employer integer;
alter table trajectory_indicator add column month6_other integer;
alter table trajectory_indicator add column month7_employee integer;
alter table trajectory_indicator add column month7_employer integer;
alter table trajectory_indicator add column month7_other integer;
alter table trajectory_indicator add column month8_employee integer;
alter table trajectory_indicator add column month8_employer integer;
alter table trajectory_indicator add column month8_other integer;
alter table trajectory_indicator add column month9_employee integer;
alter table trajectory_indicator add column month9_employer integer;
alter table trajectory_indicator add column month9_other integer;
alter table trajectory_indicator add column month10_employee integer;
alter table trajectory_indicator add column month10_employer integer;
alter table trajectory_indicator add column month10_other integer;
alter table trajectory_indicator add column month11_employee integer;
alter table trajectory_indicator add column month11_employer integer;
alter table trajectory_indicator add column month11_other integer;

update trajectory_indicator i set
    contract_hours_t0 = (select w.contract_hours from wave_indicator w
                         where w.trajectory_id = i.trajectory_id and w.wave_code = 'T0'),
    disclosed_employer = coalesce((select w.disclosed_employer from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T2'),
                                  (select w.disclosed_employer from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T0')),
    reaction_employer = coalesce((select w.reaction_employer from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T2'),
                                  (select w.reaction_employer from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T0')),
    disclosed_colleagues = coalesce((select w.disclosed_colleagues from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T2'),
                                  (select w.disclosed_colleagues from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T0')),
    reaction_colleagues = coalesce((select w.reaction_colleagues from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T2'),
                                  (select w.reaction_colleagues from wave_indicator w where w.trajectory_id = i.trajectory_id
                                   and w.wave_code = 'T0')),
    coach_value = coalesce((select w.coach_value from wave_indicator w where w.trajectory_id = i.trajectory_id
                            and w.wave_code = 'T2'),
                           (select w.coach_value from wave_indicator w where w.trajectory_id = i.trajectory_id
                            and w.wave_code = 'T0'));

update trajectory_indicator i set work_values_t0 = (
    select case when count(*) = 0 then null else
            cast(coalesce(max(case when v.work_value = 'use_skills' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'use_skills' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'develop_skills' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'develop_skills' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'decisions' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'decisions' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contacts' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contacts' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'own_goals' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'own_goals' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'income' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'income' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contribute' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contribute' then v.achieved end), 0) as varchar(1))
        end
    from wave_work_value v where v.trajectory_id = i.trajectory_id and v.wave_code = 'T0'
      and v.important is not null and v.achieved is not null);

update trajectory_indicator i set work_values_t2 = (
    select case when count(*) = 0 then null else
            cast(coalesce(max(case when v.work_value = 'use_skills' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'use_skills' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'develop_skills' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'develop_skills' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'decisions' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'decisions' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contacts' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contacts' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'own_goals' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'own_goals' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'income' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'income' then v.achieved end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contribute' then v.important end), 0) as varchar(1))
            || cast(coalesce(max(case when v.work_value = 'contribute' then v.achieved end), 0) as varchar(1))
        end
    from wave_work_value v where v.trajectory_id = i.trajectory_id and v.wave_code = 'T2'
      and v.important is not null and v.achieved is not null);

update trajectory_indicator i set (month0_employee, month0_employer, month0_other, month1_employee, month1_employer, month1_other, month2_employee, month2_employer, month2_other, month3_employee, month3_employer, month3_other, month4_employee, month4_employer, month4_other, month5_employee, month5_employer, month5_other, month6_employee, month6_employer, month6_other, month7_employee, month7_employer, month7_other, month8_employee, month8_employer, month8_other, month9_employee, month9_employer, month9_other, month10_employee, month10_employer, month10_other, month11_employee, month11_employer, month11_other) = (
    select max(case when m.month_index = 0 then m.employee_minutes end),
        max(case when m.month_index = 0 then m.employer_minutes end),
        max(case when m.month_index = 0 then m.other_minutes end),
        max(case when m.month_index = 1 then m.employee_minutes end),
        max(case when m.month_index = 1 then m.employer_minutes end),
        max(case when m.month_index = 1 then m.other_minutes end),
        max(case when m.month_index = 2 then m.employee_minutes end),
        max(case when m.month_index = 2 then m.employer_minutes end),
        max(case when m.month_index = 2 then m.other_minutes end),
        max(case when m.month_index = 3 then m.employee_minutes end),
        max(case when m.month_index = 3 then m.employer_minutes end),
        max(case when m.month_index = 3 then m.other_minutes end),
        max(case when m.month_index = 4 then m.employee_minutes end),
        max(case when m.month_index = 4 then m.employer_minutes end),
        max(case when m.month_index = 4 then m.other_minutes end),
        max(case when m.month_index = 5 then m.employee_minutes end),
        max(case when m.month_index = 5 then m.employer_minutes end),
        max(case when m.month_index = 5 then m.other_minutes end),
        max(case when m.month_index = 6 then m.employee_minutes end),
        max(case when m.month_index = 6 then m.employer_minutes end),
        max(case when m.month_index = 6 then m.other_minutes end),
        max(case when m.month_index = 7 then m.employee_minutes end),
        max(case when m.month_index = 7 then m.employer_minutes end),
        max(case when m.month_index = 7 then m.other_minutes end),
        max(case when m.month_index = 8 then m.employee_minutes end),
        max(case when m.month_index = 8 then m.employer_minutes end),
        max(case when m.month_index = 8 then m.other_minutes end),
        max(case when m.month_index = 9 then m.employee_minutes end),
        max(case when m.month_index = 9 then m.employer_minutes end),
        max(case when m.month_index = 9 then m.other_minutes end),
        max(case when m.month_index = 10 then m.employee_minutes end),
        max(case when m.month_index = 10 then m.employer_minutes end),
        max(case when m.month_index = 10 then m.other_minutes end),
        max(case when m.month_index = 11 then m.employee_minutes end),
        max(case when m.month_index = 11 then m.employer_minutes end),
        max(case when m.month_index = 11 then m.other_minutes end)
    from trajectory_month m where m.trajectory_id = i.trajectory_id and m.month_index < 12);

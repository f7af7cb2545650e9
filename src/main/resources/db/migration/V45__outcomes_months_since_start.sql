-- The contact hours over time count months since the start of coaching, as the intensity does (month n from the start
-- day plus n months, MonthsOfCoaching), no longer calendar months: a start on 15 January put contacts of 14 April in
-- "month 3" of the report while the intensity counted them in months 0-3. The read model is emptied and keyed by the
-- month index; the application rebuilds the indicators on its next start when this table is empty while contact hours
-- exist (RebuildIndicators), so no data are lost: every row is recomputed from the contact log.
drop table trajectory_month;

create table trajectory_month (
    trajectory_id bigint not null references trajectory (id),
    month_index integer not null,
    employee_minutes integer not null,
    employer_minutes integer not null,
    other_minutes integer not null,
    primary key (trajectory_id, month_index),
    constraint trajectory_month_index_not_negative check (month_index >= 0)
);

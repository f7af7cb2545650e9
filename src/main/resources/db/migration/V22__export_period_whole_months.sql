-- A project's period of trajectory start is whole calendar months: the first day of the from-month and the last day
-- of the to-month (inclusive). Day-precise periods let two projects differ by the few persons who started on one day.
-- Existing projects are widened to whole months. A project already approved whose period changes by that loses its
-- approval: the manager approved a smaller population, and approves the widened one again.
update export_project set approved_by = null, approved_at = null
where approved_at is not null
  and ((started_from is not null and extract(day from started_from) <> 1)
    or (started_to is not null and extract(day from started_to + interval '1' day) <> 1));

update export_project set started_from = cast(date_trunc('month', started_from) as date)
where started_from is not null and extract(day from started_from) <> 1;

update export_project
set started_to = cast(date_trunc('month', started_to) + interval '1' month - interval '1' day as date)
where started_to is not null and extract(day from started_to + interval '1' day) <> 1;

alter table export_project add constraint export_project_from_month_ck
    check (started_from is null or extract(day from started_from) = 1);
alter table export_project add constraint export_project_to_month_ck
    check (started_to is null or extract(day from started_to + interval '1' day) = 1);

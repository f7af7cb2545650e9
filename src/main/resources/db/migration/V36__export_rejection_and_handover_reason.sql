-- A manager may reject a research export project with a reason the researcher sees; a rejected project is never
-- approved nor downloaded (the researcher defines a new one).
alter table export_project add column rejected_by bigint references app_user (id);
alter table export_project add column rejected_at timestamp with time zone;
alter table export_project add column rejection_reason varchar(1000);

-- Why a manager handed a trajectory to another coach; the new coach sees it on their caseload for two weeks.
alter table coach_assignment add column reason varchar(500);

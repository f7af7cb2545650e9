-- The privacy officer (functionaris gegevensbescherming) is a staff role of a coaching organisation.
alter table app_user drop constraint app_user_role_ck;
alter table app_user add constraint app_user_role_ck
    check (role in ('COACH', 'MANAGER', 'COMMISSIONER', 'RESEARCHER', 'ADMIN', 'PRIVACY_OFFICER'));

-- NEN 7513 context of an access: the user's id and organisation, on whose behalf (the organisation, the employee
-- themself through their own link, the system's own jobs...), and the organisation that holds the person's data (kept
-- here, so the log stays searchable per organisation after the person's identifying data is erased).
alter table audit_event add column user_id bigint;
alter table audit_event add column user_organisation_id bigint;
alter table audit_event add column on_behalf_of varchar(30);
alter table audit_event add column person_organisation_id bigint;
create index audit_event_user_org_ix on audit_event (user_organisation_id, occurred_at);
create index audit_event_person_org_ix on audit_event (person_organisation_id, occurred_at);

-- Issue 12, the accountability report as UWV and a municipality need it.
--
-- 1. The commissioner's numbers on the trajectory: the client number the commissioner knows the employee by and the
--    commissioner's order or case number. Both optional, both shown on the report instead of anything medical.
alter table trajectory add column client_number varchar(40);
alter table trajectory add column case_number varchar(40);

-- 2. Grant rules in versions, each from its effective date: a change applies from that date and never rewrites an
--    earlier period (nor a signed report, whose figures are frozen anyway). Existing rules apply from the beginning.
--    report_email is where the signed reports of this commissioner are mailed (with the PDF attached).
create table grant_rule_version (
    commissioner_id bigint not null references commissioner (id),
    effective_from date default date '1900-01-01' not null,
    hours_per_period numeric(6, 1) not null,
    period_months integer not null,
    max_duration_months integer not null,
    report_every_months integer not null,
    report_template varchar(20) not null,
    satisfaction_norm numeric(3, 1) not null,
    report_email varchar(254),
    version integer default 0 not null,
    primary key (commissioner_id, effective_from),
    constraint grant_rule_v_hours_ck check (hours_per_period > 0),
    constraint grant_rule_v_period_ck check (period_months between 1 and 60),
    constraint grant_rule_v_duration_ck check (max_duration_months between 1 and 120),
    constraint grant_rule_v_report_ck check (report_every_months between 1 and 60),
    constraint grant_rule_v_template_ck check (report_template in ('UWV', 'MUNICIPALITY')),
    constraint grant_rule_v_norm_ck check (satisfaction_norm between 1 and 10)
);
insert into grant_rule_version (commissioner_id, effective_from, hours_per_period, period_months, max_duration_months,
    report_every_months, report_template, satisfaction_norm, version)
select commissioner_id, date '1900-01-01', hours_per_period, period_months, max_duration_months, report_every_months,
    report_template, satisfaction_norm, version from grant_rule;
drop table grant_rule;
alter table grant_rule_version rename to grant_rule;

-- 3. The report identifies the case (frozen with its figures at generation): employee, date of birth or the
--    commissioner's client number, the case number, coaching organisation, coach and employer. Erasure blanks the
--    employee's name and date of birth like every other identifying field.
alter table accountability_report add column employee_name varchar(201);
alter table accountability_report add column employee_birth_date date;
alter table accountability_report add column client_number varchar(40);
alter table accountability_report add column case_number varchar(40);
alter table accountability_report add column organisation_name varchar(200);
alter table accountability_report add column coach_name varchar(200);
alter table accountability_report add column employer_name varchar(200);

-- 4. How and when a signed report went to the commissioner, set once at sign-off and never changed: by mail (to the
--    address of the grant rules, the PDF attached; sent_mail_id tells whether the mail server took it) or handed over
--    on a date.
alter table accountability_report add column sent_how varchar(20);
alter table accountability_report add column sent_to varchar(254);
alter table accountability_report add column sent_on date;
alter table accountability_report add column sent_mail_id bigint;
alter table accountability_report add constraint accountability_report_sent_ck check (
    (sent_how is null and sent_on is null and sent_to is null and sent_mail_id is null)
    or (sent_how = 'MAIL' and sent_to is not null and sent_on is not null and signed_at is not null)
    or (sent_how = 'HANDED_OVER' and sent_on is not null and sent_to is null and sent_mail_id is null
        and signed_at is not null));

-- The report mail: kind REPORT to the commissioner, no wave; person_id is the employee the report is about.
alter table questionnaire_mail drop constraint questionnaire_mail_respondent_ck;
alter table questionnaire_mail add constraint questionnaire_mail_respondent_ck
    check (respondent in ('EMPLOYEE', 'EMPLOYER', 'COMMISSIONER'));
alter table questionnaire_mail drop constraint questionnaire_mail_kind_ck;
alter table questionnaire_mail add constraint questionnaire_mail_kind_ck
    check (kind in ('INVITATION', 'REMINDER', 'OWN_DATA', 'ASSESSMENT', 'REPORT'));
alter table questionnaire_mail drop constraint questionnaire_mail_reminder_ck;
alter table questionnaire_mail add constraint questionnaire_mail_reminder_ck check (
    (kind = 'INVITATION' and reminded_wave_id is null and wave_id is not null)
    or (kind = 'REMINDER' and reminded_wave_id = wave_id)
    or (kind in ('OWN_DATA', 'ASSESSMENT') and wave_id is null and reminded_wave_id is null
        and respondent = 'EMPLOYEE')
    or (kind = 'REPORT' and wave_id is null and reminded_wave_id is null and respondent = 'COMMISSIONER'));

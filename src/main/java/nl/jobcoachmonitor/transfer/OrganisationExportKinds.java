package nl.jobcoachmonitor.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a full export of an organisation holds: one CSV file per kind of row, in the import format of the
 * import/export contract (snake_case columns, codes as the API and the codebook use them, {@code *_source_id}
 * references, multi-valued cells joined by {@code |}). Each kind is its columns (name, SQL expression, meaning) and the
 * SQL that selects the organisation's rows ({@code :org}), in an order that makes the files stable between runs.
 * The README in the ZIP is written from these same definitions, so it never disagrees with the files.
 *
 * <p>Left out on purpose: password hashes, second-factor secrets and recovery codes, API tokens, the hashes of
 * personal links (questionnaire, own data, assessment, invitation) and the research projects' pseudonym secrets
 * (credentials, not the organisation's records); the bodies of mails (they may hold a working personal link);
 * sessions, locks and idempotency keys (technical).
 */
final class OrganisationExportKinds {

    /** How a column's value is written. */
    enum Format {
        /** As the database gives it: dates yyyy-MM-dd, instants ISO-8601 in UTC, decimals with a dot. */
        PLAIN,
        /** An instant written as the calendar day it fell on in the application's time zone (yyyy-MM-dd). */
        DAY_IN_ZONE
    }

    record Column(String name, String sql, String about, Format format) {
    }

    /**
     * One file. {@code answers} marks the long-format answers file, whose rows are the items of each response's
     * stored answers (see {@link OrganisationExport}); its SQL selects the responses.
     */
    record Kind(String file, String about, List<Column> columns, String from, String orderBy, boolean answers) {

        String select() {
            var cells = new ArrayList<String>();
            for (Column c : columns) {
                cells.add(c.sql() + " as " + c.name());
            }
            return "select " + String.join(", ", cells) + " from " + from + " order by " + orderBy;
        }

        String count() {
            return "select count(*) from " + from;
        }

        List<String> header() {
            return answers ? ANSWER_COLUMNS.stream().map(Column::name).toList()
                    : columns.stream().map(Column::name).toList();
        }

        List<Column> documented() {
            return answers ? ANSWER_COLUMNS : columns;
        }
    }

    private static String sid(String kind, String id) {
        return OrganisationExportSourceIds.of(kind, id);
    }

    private static String user(String id) {
        return "(select u.username from app_user u where u.id = " + id + ")";
    }

    private static String subjectSid(String subject, String id) {
        return "case " + subject + " when 'EMPLOYEE' then " + sid("employee", id) + " when 'CONTACT' then "
                + sid("contact", id) + " when 'GOAL' then " + sid("goal", id) + " end";
    }

    private static Column c(String name, String sql, String about) {
        return new Column(name, sql, about, Format.PLAIN);
    }

    private static final String TRAJECTORIES = "trajectory t";
    private static final String OF_ORG = " where t.organisation_id = :org";
    private static final String COMMISSIONERS = "(select t2.commissioner_id from trajectory t2 where t2.organisation_id = :org"
            + " union select p2.commissioner_id from export_project p2 where p2.organisation_id = :org)";

    static final List<Column> ANSWER_COLUMNS = List.of(
            c("trajectory_source_id", "", "the trajectory (trajectories.csv)"),
            c("wave", "", "measurement wave: T0, T1, T2, T3, ..."),
            c("respondent", "", "EMPLOYEE, COACH or EMPLOYER"),
            c("instrument_code", "", "employee, coach or employer (INSTRUMENTS.md)"),
            c("item_code", "", "the item's code, as in the research codebook (e.g. paid_work, wv_income_achieved)"),
            c("value", "", "the answer's code or number; several choices joined by |"),
            c("completed_on", "", "day the questionnaire was sent (yyyy-MM-dd, application time zone); "
                    + "empty: not sent yet (the answers saved so far)"));

    static final List<Kind> ALL = List.of(
            new Kind("organisation.csv", "The coaching organisation itself (one row).", List.of(
                    c("name", "o.name", "name of the organisation"),
                    c("city", "o.city", "city")),
                    "organisation o where o.id = :org", "o.id", false),
            new Kind("staff.csv", "Staff accounts of the organisation (no passwords, no second-factor secrets).",
                    List.of(c("username", "u.username", "user name: coach_username and *_by_username refer to it"),
                            c("display_name", "u.display_name", "full name"),
                            c("email", "u.email", "e-mail address"),
                            c("role", "u.role", "COACH, MANAGER, PRIVACY_OFFICER, ..."),
                            c("enabled", "u.enabled", "true, or false when the account is blocked")),
                    "app_user u where u.organisation_id = :org", "u.id", false),
            new Kind("commissioners.csv", "Commissioners (municipalities, UWV) the organisation's trajectories or "
                    + "research projects name.", List.of(
                    c("name", "c.name", "name; trajectories.csv and grant_rules.csv refer to it"),
                    c("kind", "c.kind", "MUNICIPALITY or UWV")),
                    "commissioner c where c.id in " + COMMISSIONERS, "c.name", false),
            new Kind("grant_rules.csv", "Grant rule versions of those commissioners (set by the administrator; they "
                    + "apply to every organisation the commissioner commissions).", List.of(
                    c("commissioner", "c.name", "commissioner's name (commissioners.csv)"),
                    c("effective_from", "g.effective_from", "first day the version applies (1900-01-01: from the "
                            + "beginning)"),
                    c("hours_per_period", "g.hours_per_period", "coaching hours granted per period"),
                    c("period_months", "g.period_months", "length of a grant period in months"),
                    c("max_duration_months", "g.max_duration_months", "maximum duration of a trajectory in months"),
                    c("report_every_months", "g.report_every_months", "accountability report every ... months"),
                    c("report_template", "g.report_template", "UWV or MUNICIPALITY"),
                    c("satisfaction_norm", "g.satisfaction_norm", "minimum mean satisfaction grade"),
                    c("report_email", "g.report_email", "address that receives signed reports")),
                    "grant_rule g join commissioner c on c.id = g.commissioner_id where g.commissioner_id in "
                            + COMMISSIONERS, "c.name, g.effective_from", false),
            new Kind("employers.csv", "Employers (workplaces) of the organisation.", List.of(
                    c("source_id", sid("employer", "e.id"), "id of the employer"),
                    c("name", "e.name", "name"),
                    c("city", "e.city", "city"),
                    c("sector", "e.sector", "sector")),
                    "employer e where e.organisation_id = :org", "e.id", false),
            new Kind("employees.csv", "Employees (the coached persons), with their contact details.", List.of(
                    c("source_id", sid("employee", "e.id"), "id of the employee"),
                    c("first_name", "e.first_name", "first name"),
                    c("last_name", "e.last_name", "last name"),
                    c("birth_date", "e.birth_date", "date of birth"),
                    c("email", "e.email", "e-mail address"),
                    c("phone", "e.phone", "phone number"),
                    c("erased_at", "e.erased_at", "when the person's identifying data were erased (GDPR); empty "
                            + "if not")),
                    "employee e where e.organisation_id = :org", "e.id", false),
            new Kind("trajectories.csv", "Coaching trajectories with their current phase and job.", List.of(
                    c("source_id", sid("trajectory", "t.id"), "id of the trajectory"),
                    c("employee_source_id", sid("employee", "t.employee_id"), "the employee (employees.csv)"),
                    c("coach_username", user("t.coach_id"), "the current coach (staff.csv)"),
                    c("commissioner", "c.name", "the commissioner's name (commissioners.csv)"),
                    c("employer_source_id", sid("employer", "t.employer_id"), "the current employer "
                            + "(employers.csv); empty in the job search phase"),
                    c("started_on", "t.started_on", "start of the trajectory"),
                    c("phase", "t.phase", "JOB_SEARCH, COACHING, PHASE_OUT, CONTINUED_SUPPORT or CLOSED"),
                    c("closing_reason", "t.closing_reason", "why it was closed (ClosingReason code)"),
                    c("closed_on", "t.closed_on", "day it was closed"),
                    c("job_title", "t.job_title", "current job title"),
                    c("job_contract_hours", "t.job_contract_hours", "contract hours per week"),
                    c("job_contract_type", "t.job_contract_type", "ContractType code (e.g. PERMANENT, TEMPORARY)"),
                    c("job_started_on", "t.job_started_on", "first day of the current job"),
                    c("client_number", "t.client_number", "the commissioner's client number"),
                    c("case_number", "t.case_number", "the commissioner's order or case number")),
                    TRAJECTORIES + " join commissioner c on c.id = t.commissioner_id" + OF_ORG, "t.id", false),
            new Kind("phase_changes.csv", "Phase history of each trajectory.", List.of(
                    c("trajectory_source_id", sid("trajectory", "p.trajectory_id"), "the trajectory"),
                    c("position", "p.position", "1, 2, 3, ... in the trajectory"),
                    c("from_phase", "p.from_phase", "phase before (empty for the first)"),
                    c("to_phase", "p.to_phase", "phase after"),
                    c("changed_on", "p.changed_on", "day of the change"),
                    c("closing_reason", "p.closing_reason", "reason, when closed"),
                    c("changed_by_username", user("p.changed_by"), "who recorded it")),
                    "phase_change p join trajectory t on t.id = p.trajectory_id" + OF_ORG,
                    "p.trajectory_id, p.position", false),
            new Kind("job_changes.csv", "Job history of each trajectory.", List.of(
                    c("trajectory_source_id", sid("trajectory", "j.trajectory_id"), "the trajectory"),
                    c("position", "j.position", "1, 2, 3, ... in the trajectory"),
                    c("changed_on", "j.changed_on", "day of the change"),
                    c("kind", "j.kind", "JobChangeKind code"),
                    c("job_title", "j.job_title", "job title after the change"),
                    c("contract_hours", "j.contract_hours", "contract hours per week after the change"),
                    c("contract_type", "j.contract_type", "ContractType code"),
                    c("employer_source_id", sid("employer", "j.employer_id"), "employer after the change"),
                    c("note", "j.note", "the coach's note"),
                    c("recorded_by_username", user("j.recorded_by"), "who recorded it")),
                    "job_change j join trajectory t on t.id = j.trajectory_id" + OF_ORG,
                    "j.trajectory_id, j.position", false),
            new Kind("coach_assignments.csv", "Which coach had each trajectory, from when (handovers).", List.of(
                    c("trajectory_source_id", sid("trajectory", "a.trajectory_id"), "the trajectory"),
                    c("position", "a.position", "1, 2, 3, ... in the trajectory"),
                    c("coach_username", user("a.coach_id"), "the coach"),
                    c("assigned_on", "a.assigned_on", "from this day"),
                    c("assigned_by_username", user("a.assigned_by"), "who assigned"),
                    c("reason", "a.reason", "reason of the handover")),
                    "coach_assignment a join trajectory t on t.id = a.trajectory_id" + OF_ORG,
                    "a.trajectory_id, a.position", false),
            new Kind("goals.csv", "Goals of the coaching plans.", List.of(
                    c("source_id", sid("goal", "g.id"), "id of the goal"),
                    c("trajectory_source_id", sid("trajectory", "g.trajectory_id"), "the trajectory"),
                    c("description", "g.description", "the goal in the employee's own words"),
                    c("themes", "(select string_agg(gt.theme, '|' order by gt.theme) from goal_theme gt "
                            + "where gt.goal_id = g.id)", "theme codes joined by |"),
                    c("agreed_with_employee", "g.agreed_with_employee", "true/false"),
                    c("agreed_with_employer", "g.agreed_with_employer", "true/false"),
                    c("review_on", "g.review_on", "review date"),
                    c("status", "g.status", "OPEN, ACHIEVED, PARTLY, NOT_ACHIEVED or CHANGED"),
                    c("created_on", "g.created_on", "day it was set"),
                    c("created_by_username", user("g.created_by"), "who set it")),
                    "goal g join trajectory t on t.id = g.trajectory_id" + OF_ORG, "g.id", false),
            new Kind("goal_reviews.csv", "Reviews of goals (the history of status and wording).", List.of(
                    c("source_id", sid("goal_review", "r.id"), "id of the review"),
                    c("goal_source_id", sid("goal", "r.goal_id"), "the goal (goals.csv)"),
                    c("reviewed_on", "r.reviewed_on", "day of the review"),
                    c("status", "r.status", "status given"),
                    c("previous_description", "r.previous_description", "the wording before the review"),
                    c("remark", "r.remark", "remark"),
                    c("reviewed_by_username", user("r.reviewed_by"), "who reviewed")),
                    "goal_review r join goal g on g.id = r.goal_id join trajectory t on t.id = g.trajectory_id"
                            + OF_ORG, "r.id", false),
            new Kind("contacts.csv", "Every coaching contact, with its note.", List.of(
                    c("source_id", sid("contact", "k.id"), "id of the contact"),
                    c("trajectory_source_id", sid("trajectory", "k.trajectory_id"), "the trajectory"),
                    c("contact_on", "k.contact_on", "day of the contact"),
                    c("minutes", "k.minutes", "duration in minutes (1-480)"),
                    c("party", "k.party", "Party code: EMPLOYEE, EMPLOYER, COLLEAGUES, CARE_PROVIDER, RELATIVES, "
                            + "OTHER"),
                    c("mode", "k.mode", "ContactMode code (e.g. WORKPLACE_VISIT, PHONE)"),
                    c("themes", "(select string_agg(ct.theme, '|' order by ct.theme) from contact_theme ct "
                            + "where ct.contact_id = k.id)", "theme codes joined by | (INSTRUMENTS.md)"),
                    c("note", "k.note", "the coach's note"),
                    c("goal_source_ids", "(select string_agg(" + sid("goal", "cg.goal_id")
                            + ", '|' order by cg.goal_id) from contact_goal cg where cg.contact_id = k.id)",
                            "goals the contact worked on (goals.csv), joined by |"),
                    c("reason", "k.reason", "why the hours were needed"),
                    c("logged_by_username", user("k.logged_by"), "who logged it"),
                    c("logged_at", "k.logged_at", "when it was logged")),
                    "contact k join trajectory t on t.id = k.trajectory_id" + OF_ORG, "k.id", false),
            new Kind("waves.csv", "Measurement waves of each trajectory.", List.of(
                    c("trajectory_source_id", sid("trajectory", "w.trajectory_id"), "the trajectory"),
                    c("wave", "w.code", "T0, T1, T2, ..."),
                    c("due_on", "w.due_on", "due date"),
                    c("status", "w.status", "OPEN or CANCELLED")),
                    "measurement_wave w join trajectory t on t.id = w.trajectory_id" + OF_ORG, "w.id", false),
            new Kind("responses.csv", "Questionnaires (one row per wave and respondent); their answers are in "
                    + "answers.csv.", List.of(
                    c("trajectory_source_id", sid("trajectory", "w.trajectory_id"), "the trajectory"),
                    c("wave", "w.code", "the wave"),
                    c("respondent", "r.respondent", "EMPLOYEE, COACH or EMPLOYER"),
                    c("instrument_code", "r.instrument_code", "employee, coach or employer"),
                    c("instrument_version", "r.instrument_version", "version of the instrument answered"),
                    c("started_at", "r.started_at", "when answering started"),
                    c("completed_at", "r.completed_at", "when it was sent; empty: not yet"),
                    new Column("completed_on", "r.completed_at", "the day it was sent (application time zone)",
                            Format.DAY_IN_ZONE),
                    c("entered_by_coach", "r.entered_by_coach", "true when the coach typed the answers in"),
                    c("entered_afterwards_at", "r.entered_afterwards_at", "when a paper questionnaire was entered "
                            + "afterwards")),
                    "response r join measurement_wave w on w.id = r.wave_id join trajectory t on t.id = w.trajectory_id"
                            + OF_ORG, "r.id", false),
            new Kind("answers.csv", "Questionnaire answers in long format: one row per answered item.", List.of(
                    c("trajectory_source_id", sid("trajectory", "w.trajectory_id"), ""),
                    c("wave", "w.code", ""),
                    c("respondent", "r.respondent", ""),
                    c("instrument_code", "r.instrument_code", ""),
                    c("answers", "r.answers", ""),
                    c("completed_at", "r.completed_at", "")),
                    "response r join measurement_wave w on w.id = r.wave_id join trajectory t on t.id = w.trajectory_id"
                            + OF_ORG, "r.id", true),
            new Kind("consents.csv", "The employees' consent decisions (history, latest last).", List.of(
                    c("trajectory_source_id", sid("trajectory", "k.trajectory_id"), "the trajectory"),
                    c("employee_source_id", sid("employee", "k.employee_id"), "the employee"),
                    c("purpose", "k.purpose", "RESEARCH or EMPLOYER_SHARING"),
                    c("given", "k.given", "true: given, false: refused or withdrawn"),
                    c("decided_on", "k.decided_on", "day of the decision"),
                    c("text_version", "k.text_version", "version of the consent text"),
                    c("recorded_by_username", user("k.recorded_by"), "who recorded it"),
                    c("recorded_at", "k.recorded_at", "when it was recorded")),
                    "consent k join trajectory t on t.id = k.trajectory_id" + OF_ORG, "k.id", false),
            new Kind("corrections.csv", "Corrections made in the data (GDPR art. 16), field by field.", List.of(
                    c("employee_source_id", sid("employee", "k.employee_id"), "the employee"),
                    c("trajectory_source_id", sid("trajectory", "k.trajectory_id"), "the trajectory, if any"),
                    c("subject", "k.subject", "EMPLOYEE, CONTACT or GOAL"),
                    c("subject_source_id", subjectSid("k.subject", "k.subject_id"), "what was corrected "
                            + "(employees.csv, contacts.csv or goals.csv)"),
                    c("field", "k.field", "the field"),
                    c("old_value", "k.old_value", "value before"),
                    c("new_value", "k.new_value", "value after"),
                    c("corrected_by_username", user("k.corrected_by"), "who corrected"),
                    c("corrected_at", "k.corrected_at", "when")),
                    "correction k join employee e on e.id = k.employee_id where e.organisation_id = :org", "k.id",
                    false),
            new Kind("signals.csv", "Signals raised on trajectories and how they were handled.", List.of(
                    c("source_id", sid("signal", "s.id"), "id of the signal"),
                    c("trajectory_source_id", sid("trajectory", "s.trajectory_id"), "the trajectory"),
                    c("kind", "s.kind", "SignalKind code (e.g. NO_RECENT_CONTACT, LOW_RAPPORT)"),
                    c("trigger_key", "s.trigger_key", "what raised it (e.g. the wave)"),
                    c("raised_on", "s.raised_on", "day raised"),
                    c("handled_at", "s.handled_at", "when handled"),
                    c("handled_by_username", user("s.handled_by"), "who handled it"),
                    c("note", "s.note", "the handling note"),
                    c("resolved_at", "s.resolved_at", "when it resolved by itself"),
                    c("request_text", "s.request_text", "the employee's correction request"),
                    c("subject", "s.subject", "what a correction request is about"),
                    c("subject_source_id", subjectSid("s.subject", "s.subject_id"), "its id")),
                    "signal s join trajectory t on t.id = s.trajectory_id" + OF_ORG, "s.id", false),
            new Kind("accountability_reports.csv", "Accountability reports to commissioners (every version; a "
                    + "signed one is frozen as it was sent).", List.of(
                    c("source_id", sid("accountability_report", "r.id"), "id of the report version"),
                    c("trajectory_source_id", sid("trajectory", "r.trajectory_id"), "the trajectory"),
                    c("version_no", "r.version_no", "1, 2, ... (a correction is a new version)"),
                    c("period_from", "r.period_from", "first day of the period"),
                    c("period_to", "r.period_to", "end of the period"),
                    c("commissioner", "r.commissioner_name", "commissioner as frozen"),
                    c("report_template", "r.report_template", "UWV or MUNICIPALITY"),
                    c("hours_granted", "r.hours_granted", "hours granted in the period"),
                    c("minutes_total", "r.minutes_total", "contact minutes in the period"),
                    c("contact_count", "r.contact_count", "number of contacts"),
                    c("summary", "r.summary", "the coach's summary"),
                    c("employee_grade", "r.employee_grade", "employee's grade 1-10"),
                    c("employee_remark", "r.employee_remark", "employee's remark"),
                    c("employer_grade", "r.employer_grade", "employer's grade 1-10"),
                    c("employer_remark", "r.employer_remark", "employer's remark"),
                    c("employee_name", "r.employee_name", "as frozen in the report"),
                    c("employee_birth_date", "r.employee_birth_date", "as frozen"),
                    c("client_number", "r.client_number", "as frozen"),
                    c("case_number", "r.case_number", "as frozen"),
                    c("organisation_name", "r.organisation_name", "as frozen"),
                    c("coach_name", "r.coach_name", "as frozen"),
                    c("employer_name", "r.employer_name", "as frozen"),
                    c("created_at", "r.created_at", "when made"),
                    c("created_by_username", user("r.created_by"), "who made it"),
                    c("signed_at", "r.signed_at", "when signed off"),
                    c("signed_by_username", user("r.signed_by"), "who signed off"),
                    c("sent_how", "r.sent_how", "MAIL or HANDED_OVER"),
                    c("sent_to", "r.sent_to", "address it was mailed to"),
                    c("sent_on", "r.sent_on", "day sent")),
                    "accountability_report r join trajectory t on t.id = r.trajectory_id" + OF_ORG, "r.id", false),
            new Kind("accountability_report_lines.csv", "The frozen figures of each report: hours per goal and "
                    + "per party.", List.of(
                    c("report_source_id", sid("accountability_report", "l.report_id"), "the report version"),
                    c("position", "l.position", "line number"),
                    c("kind", "l.kind", "GOAL, PARTY or UNLINKED"),
                    c("label", "l.label", "the goal's wording or the party"),
                    c("status", "l.status", "goal status"),
                    c("minutes", "l.minutes", "minutes")),
                    "accountability_report_line l join accountability_report r on r.id = l.report_id "
                            + "join trajectory t on t.id = r.trajectory_id" + OF_ORG, "l.report_id, l.position", false),
            new Kind("research_projects.csv", "Research export projects on the organisation's data (without their "
                    + "pseudonym secrets).", List.of(
                    c("source_id", sid("export_project", "p.id"), "id of the project"),
                    c("name", "p.name", "name"),
                    c("purpose", "p.purpose", "purpose"),
                    c("commissioner", "(select c.name from commissioner c where c.id = p.commissioner_id)",
                            "commissioner, if limited to one"),
                    c("started_from", "p.started_from", "first month of trajectory starts"),
                    c("started_to", "p.started_to", "last day of the last month"),
                    c("waves", "replace(p.waves, ',', '|')", "waves joined by |"),
                    c("created_by_username", user("p.created_by"), "the researcher"),
                    c("created_at", "p.created_at", "when defined"),
                    c("approved_by_username", user("p.approved_by"), "the approving manager"),
                    c("approved_at", "p.approved_at", "when approved"),
                    c("rejected_by_username", user("p.rejected_by"), "the rejecting manager"),
                    c("rejected_at", "p.rejected_at", "when rejected"),
                    c("rejection_reason", "p.rejection_reason", "reason")),
                    "export_project p where p.organisation_id = :org", "p.id", false),
            new Kind("research_downloads.csv", "Every download of those projects.", List.of(
                    c("project_source_id", sid("export_project", "d.project_id"), "the project"),
                    c("downloaded_by_username", user("d.downloaded_by"), "who"),
                    c("downloaded_at", "d.downloaded_at", "when"),
                    c("file_name", "d.file_name", "file"),
                    c("trajectories", "d.trajectories", "trajectories in it"),
                    c("persons", "d.persons", "persons in it"),
                    c("sha256", "d.sha256", "SHA-256 of the file")),
                    "export_download d join export_project p on p.id = d.project_id where p.organisation_id = :org",
                    "d.id", false),
            new Kind("erasures.csv", "Erasures of persons' identifying data (GDPR art. 17).", List.of(
                    c("employee_source_id", sid("employee", "x.employee_id"), "the employee"),
                    c("erased_at", "x.erased_at", "when"),
                    c("erased_by_username", user("x.erased_by"), "who"),
                    c("reason", "x.reason", "reason")),
                    "person_erasure x join employee e on e.id = x.employee_id where e.organisation_id = :org", "x.id",
                    false),
            new Kind("mails.csv", "Mails sent to the organisation's employees and employer contacts (without the "
                    + "body: it may hold a working personal link).", List.of(
                    c("trajectory_source_id", "(select " + sid("trajectory", "w.trajectory_id")
                            + " from measurement_wave w where w.id = m.wave_id)", "the trajectory (questionnaires)"),
                    c("wave", "(select w.code from measurement_wave w where w.id = m.wave_id)", "the wave"),
                    c("employee_source_id", sid("employee", "m.person_id"), "the employee, if to them"),
                    c("respondent", "m.respondent", "EMPLOYEE or EMPLOYER"),
                    c("kind", "m.kind", "INVITATION, REMINDER, OWN_DATA, ASSESSMENT, ..."),
                    c("address", "m.address", "the address"),
                    c("language", "m.language", "nl or en"),
                    c("subject", "m.subject", "subject line"),
                    c("delivery", "m.delivery", "OUTBOX or SMTP"),
                    c("created_by_username", user("m.created_by"), "who sent it"),
                    c("created_at", "m.created_at", "when made"),
                    c("sent_at", "m.sent_at", "when the mail server took it"),
                    c("failure", "m.failure", "the mail server's refusal")),
                    "questionnaire_mail m where m.wave_id in (select w.id from measurement_wave w join trajectory t "
                            + "on t.id = w.trajectory_id" + OF_ORG + ") or m.person_id in (select e.id from employee e "
                            + "where e.organisation_id = :org)", "m.id", false),
            new Kind("trajectory_indicators.csv", "Derived: indicators per trajectory (recomputed from the data "
                    + "above; for reading, not needed to import).", List.of(
                    c("trajectory_source_id", sid("trajectory", "i.trajectory_id"), "the trajectory"),
                    c("coaching_started_on", "i.coaching_started_on", "start of coaching on the job"),
                    c("hours_employee_0_3", "i.hours_employee_0_3", "hours with the employee per month, months 0-3"),
                    c("hours_employer_0_3", "i.hours_employer_0_3", "hours with the employer per month, months 0-3"),
                    c("hours_total_0_3", "i.hours_total_0_3", "all hours per month, months 0-3"),
                    c("hours_employee_3_6", "i.hours_employee_3_6", "months 3-6"),
                    c("hours_employer_3_6", "i.hours_employer_3_6", "months 3-6"),
                    c("hours_total_3_6", "i.hours_total_3_6", "months 3-6"),
                    c("last_contact_on", "i.last_contact_on", "last contact"),
                    c("retained", "i.retained", "in paid work at T2"),
                    c("positive_development", "i.positive_development", "positive development at T2"),
                    c("employment_ended", "i.employment_ended", "employment ended"),
                    c("job_fit_first", "i.job_fit_first", "job fit, first wave"),
                    c("job_fit_latest", "i.job_fit_latest", "job fit, latest wave"),
                    c("rapport_employee", "i.rapport_employee", "rapport (employee)"),
                    c("rapport_coach", "i.rapport_coach", "rapport (coach)"),
                    c("fit_wishes", "i.fit_wishes", "fit with wishes"),
                    c("capability_set_first", "i.capability_set_first", "capability set, first"),
                    c("capability_set_latest", "i.capability_set_latest", "capability set, latest"),
                    c("gaps_latest", "i.gaps_latest", "work values with a gap, latest")),
                    "trajectory_indicator i join trajectory t on t.id = i.trajectory_id" + OF_ORG, "i.trajectory_id",
                    false),
            new Kind("trajectory_months.csv", "Derived: contact minutes per month since the start of coaching.",
                    List.of(c("trajectory_source_id", sid("trajectory", "m.trajectory_id"), "the trajectory"),
                            c("month_index", "m.month_index", "0, 1, 2, ... months since the start"),
                            c("employee_minutes", "m.employee_minutes", "minutes with the employee"),
                            c("employer_minutes", "m.employer_minutes", "minutes with the employer"),
                            c("other_minutes", "m.other_minutes", "other minutes")),
                    "trajectory_month m join trajectory t on t.id = m.trajectory_id" + OF_ORG,
                    "m.trajectory_id, m.month_index", false),
            new Kind("wave_indicators.csv", "Derived: indicators per wave.", List.of(
                    c("trajectory_source_id", sid("trajectory", "v.trajectory_id"), "the trajectory"),
                    c("wave", "v.wave_code", "the wave"),
                    c("due_on", "v.due_on", "due date"),
                    c("paid_work", "v.paid_work", "in paid work"),
                    c("contract_hours", "v.contract_hours", "contract hours"),
                    c("tasks_change", "v.tasks_change", "fewer, same or more"),
                    c("job_fit", "v.job_fit", "job fit 1-10"),
                    c("rapport_employee", "v.rapport_employee", "rapport (employee)"),
                    c("rapport_coach", "v.rapport_coach", "rapport (coach)"),
                    c("fit_wishes", "v.fit_wishes", "fit with wishes"),
                    c("coach_value", "v.coach_value", "grade for the coach"),
                    c("disclosed_employer", "v.disclosed_employer", "told the supervisor"),
                    c("reaction_employer", "v.reaction_employer", "grade of the reaction"),
                    c("disclosed_colleagues", "v.disclosed_colleagues", "told colleagues"),
                    c("reaction_colleagues", "v.reaction_colleagues", "grade of the reaction"),
                    c("capability_set", "v.capability_set", "capability set 0-7"),
                    c("gaps", "v.gaps", "work values with a gap"),
                    c("care_conflict", "v.care_conflict", "conflicting care advice"),
                    c("employee_answered_on", "v.employee_answered_on", "day the employee answered")),
                    "wave_indicator v join trajectory t on t.id = v.trajectory_id" + OF_ORG,
                    "v.trajectory_id, v.wave_code", false),
            new Kind("wave_work_values.csv", "Derived: the work values per wave.", List.of(
                    c("trajectory_source_id", sid("trajectory", "v.trajectory_id"), "the trajectory"),
                    c("wave", "v.wave_code", "the wave"),
                    c("work_value", "v.work_value", "work value code (INSTRUMENTS.md)"),
                    c("important", "v.important", "1-5"),
                    c("offered", "v.offered", "1-5"),
                    c("achieved", "v.achieved", "1-5")),
                    "wave_work_value v join trajectory t on t.id = v.trajectory_id" + OF_ORG,
                    "v.trajectory_id, v.wave_code, v.work_value", false),
            new Kind("access_log.csv", "The organisation's part of the access log (what its privacy officer sees: "
                    + "accesses to its persons' data and accesses by its staff), with its hash chain.", List.of(
                    c("chain_seq", "a.chain_seq", "place in the hash chain of the whole installation"),
                    c("occurred_at", "a.occurred_at", "when (UTC)"),
                    c("username", "a.username", "who"),
                    c("role", "a.role", "in which role"),
                    c("on_behalf_of", "a.on_behalf_of", "on whose behalf"),
                    c("action", "a.action", "READ, SEARCH, CREATE, CHANGE, DELETE or EXPORT"),
                    c("object_type", "a.object_type", "what kind of data"),
                    c("object_id", "a.object_id", "which"),
                    c("employee_source_id", "case when a.person_organisation_id = :org then "
                            + sid("employee", "a.person_id") + " end", "whose data (employees.csv)"),
                    c("outcome", "a.outcome", "ALLOWED or DENIED"),
                    c("remote_address", "a.remote_address", "from which address"),
                    c("row_hash", "a.row_hash", "the row's SHA-256 in the chain")),
                    "audit_event a where a.user_organisation_id = :org or a.person_organisation_id = :org",
                    "a.chain_seq", false));

    private OrganisationExportKinds() {
    }
}

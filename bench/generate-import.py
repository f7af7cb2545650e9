#!/usr/bin/env python3
"""Generate a large cohort in the import format of Jobcoach Monitor (issue 14), with planted known effects.

    python3 bench/generate-import.py                       # 200,000 trajectories into bench/import-data/
    python3 bench/generate-import.py --trajectories 1000 --out /tmp/cohort --seed 7

Writes one CSV per kind (UTF-8, comma, CRLF, RFC 4180 quoting, header row; the contract in HELPERS.md / README
"Full export of an organisation"): employers.csv, employees.csv, trajectories.csv, phase_changes.csv,
job_changes.csv, goals.csv, contacts.csv, answers.csv; plus staff.csv (the coaches the trajectories name by user
name) and staff.sql (creates those coaches and the commissioners in an existing organisation, for PostgreSQL and H2).

Deterministic: trajectory t draws from random.Random(seed * 1_000_003 + t) only, so the same seed and N give the
same files byte for byte, and the first N rows of a larger run equal a smaller run's. Dates are relative to --today
(default 2026-11-30), never the clock.

Planted effects (what the study report should recover; see bench/README.md, "Import cohort generator"):

  retained (employee's paid_work = yes at T2):
      logit p = 2.0 + ln(1.5) * (hours - 4.8) + ln(1.3) * (job_fit - 7) + ln(1.6) * (rapport - 3.7)
      where hours   = contact hours per month in months 0-3 of coaching, all parties (the report's intensity),
            job_fit = the coach's job_fit at T2, rapport = mean of the employee's rapport_1..3 at T2.
      fit with wishes has no effect on retention (adjusted OR 1.0).
  positive development (T2 hours above T0 with a MORE_HOURS job change, or tasks_change = more):
      logit p = -1.1 + ln(1.4) * (fit_wishes - 3.7) + ln(1.2) * (hours - 4.8)
  capability set: each work value's "achieved" answer rises by 0.5 per point of rapport above 3.7 (so the linear
      model of the capability set has a positive rapport coefficient), the others are noise.

The effects are planted on the realised values (the hours the contacts add up to, the items' mean), not on latent
ones, so the adjusted odds ratios of the report should come out near 1.5 (intensity), 1.3 (job fit), 1.6 (rapport)
and 1.0 (fit with wishes) for retention, within their intervals.
"""

import argparse
import datetime as dt
import math
import os
import random
import sys
import time

EMPLOYEE_THEMES = ["LIMITS", "STRESS", "WORK_LIFE_BALANCE", "COMMUNICATION", "VULNERABILITY", "DISCLOSURE",
                   "CHANGES_EVENTS", "DEBTS", "PRACTICAL_ARRANGEMENTS", "SELF_MANAGEMENT", "GROWTH"]
EMPLOYER_THEMES = ["DEALING_WITH_EMPLOYEE", "ADJUSTMENTS", "REGULATIONS"]
OTHER_THEMES = ["CARE_COORDINATION", "RELATIVES"]
PARTIES = ["EMPLOYEE"] * 60 + ["EMPLOYER"] * 25 + ["COLLEAGUES"] * 5 + ["CARE_PROVIDER"] * 5 + ["RELATIVES"] * 3 \
    + ["OTHER"] * 2
MODES = ["WORKPLACE_VISIT"] * 30 + ["PHONE"] * 25 + ["OFFICE"] * 15 + ["VIDEO"] * 12 + ["MESSAGE"] * 13 \
    + ["HOME_VISIT"] * 5
NOTES = ["Werkweek doorgenomen", "Gesprek met leidinggevende voorbereid", "Spanning rond drukke weken besproken",
         "Afspraken over pauzes, en over de planning", "Zei: \"het gaat beter\"", "Rooster aangepast\nvolgende week evalueren",
         "Contact met GGZ-behandelaar afgestemd", "Geldzorgen; doorverwezen naar schuldhulp"]
FIRST = ["Sanne", "Daan", "Lotte", "Milan", "Emma", "Noah", "Julia", "Sem", "Anna", "Luuk", "Sara", "Finn", "Eva",
         "Thijs", "Fleur", "Jesse", "Lisa", "Bram", "Iris", "Ruben", "Noor", "Tim", "Roos", "Niels"]
LAST = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer"]
SECTORS = ["zorg", "horeca", "logistiek", "detailhandel", "groen", "ICT", "onderwijs", "schoonmaak", "bouw"]
CITIES = ["Apeldoorn", "Deventer", "Zutphen", "Arnhem", "Utrecht", "Zwolle"]
JOBS = ["Medewerker magazijn", "Kok", "Administratief medewerker", "Medewerker groenvoorziening", "Verkoper",
        "Helpdeskmedewerker", "Schoonmaker", "Onderwijsassistent", "Productiemedewerker"]
COMMISSIONERS = [("Gemeente Apeldoorn", "MUNICIPALITY"), ("Gemeente Deventer", "MUNICIPALITY"), ("UWV", "UWV")]
CONTRACTS = ["PERMANENT", "TEMPORARY", "TEMPORARY", "ON_CALL"]
WORK_VALUES = ["use_skills", "develop_skills", "decisions", "contacts", "own_goals", "income", "contribute"]
LIFE_DOMAINS = ["debts", "housing", "physical_health", "mental_health", "family_relations", "addiction", "justice"]
CARE = ["mental_health_care", "debt_counselling", "general_practitioner", "social_district_team", "other"]

TRAJECTORIES_PER_COACH = 40
EMPLOYERS_PER_1000 = 250


def q(text):
    """One CSV cell, RFC 4180."""
    if text is None:
        return ""
    text = str(text)
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def line(cells):
    return ",".join(q(c) for c in cells) + "\r\n"


def plus_months(day, months):
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    m += 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
            31][m - 1]
    return dt.date(y, m, min(day.day, last))


def clip(x, lo, hi):
    return max(lo, min(hi, x))


def logistic(x):
    return 1 / (1 + math.exp(-x))


def scale(rng, centre, spread=0.9):
    return int(clip(round(rng.gauss(centre, spread)), 1, 5))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--trajectories", type=int, default=200_000)
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "import-data"))
    p.add_argument("--today", default="2026-11-30", help="the import's 'today': nothing lies after it")
    p.add_argument("--organisation", default="Werkfit Jobcoaching",
                   help="name of the existing organisation staff.sql puts the coaches in")
    p.add_argument("--prefix", default="gen", help="prefix of source ids and coach user names")
    a = p.parse_args()
    n = a.trajectories
    today = dt.date.fromisoformat(a.today)
    os.makedirs(a.out, exist_ok=True)
    started = time.time()
    coaches = max(1, math.ceil(n / TRAJECTORIES_PER_COACH))
    employers = max(1, n * EMPLOYERS_PER_1000 // 1000)
    pre = a.prefix

    def f(name):
        return open(os.path.join(a.out, name), "w", encoding="utf-8", newline="", buffering=1 << 20)

    # staff and commissioners: the import resolves coaches by user name and commissioners by name
    with f("staff.csv") as out, f("staff.sql") as sql:
        out.write(line(["username", "display_name", "email", "role"]))
        sql.write("-- Coaches and commissioners the generated cohort names (generate-import.py); run before the "
                  "import.\n")
        for name, kind in COMMISSIONERS:
            sql.write(f"insert into commissioner (name, kind) select '{name}', '{kind}' "
                      f"where not exists (select 1 from commissioner where name = '{name}');\n")
        # password: none anyone knows (an invitation or the administrator's reset gives one)
        for c in range(1, coaches + 1):
            user = f"{pre}coach{c:05d}"
            rng = random.Random(a.seed * 7919 + c)
            display = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            out.write(line([user, display, f"{user}@example.org", "COACH"]))
            sql.write("insert into app_user (username, password_hash, display_name, email, role, organisation_id, "
                      f"enabled) select '{user}', '{{noop}}-', '{display.replace(chr(39), chr(39) * 2)}', "
                      f"'{user}@example.org', 'COACH', o.id, true from organisation o where o.name = "
                      f"'{a.organisation.replace(chr(39), chr(39) * 2)}' and not exists (select 1 from app_user "
                      f"where username = '{user}');\n")

    with f("employers.csv") as out:
        out.write(line(["source_id", "name", "city", "sector"]))
        for e in range(1, employers + 1):
            rng = random.Random(a.seed * 104729 + e)
            out.write(line([f"{pre}-er-{e}", f"{rng.choice(LAST).title()} {rng.choice(SECTORS)} {e}",
                            rng.choice(CITIES), rng.choice(SECTORS)]))

    files = {k: f(k + ".csv") for k in ["employees", "trajectories", "phase_changes", "job_changes", "goals",
                                        "contacts", "answers"]}
    files["employees"].write(line(["source_id", "first_name", "last_name", "birth_date", "email", "phone"]))
    files["trajectories"].write(line(["source_id", "employee_source_id", "coach_username", "commissioner",
                                      "employer_source_id", "started_on", "phase", "closing_reason", "closed_on",
                                      "job_title", "job_contract_hours", "job_contract_type", "job_started_on",
                                      "client_number", "case_number"]))
    files["phase_changes"].write(line(["trajectory_source_id", "position", "from_phase", "to_phase", "changed_on",
                                       "closing_reason"]))
    files["job_changes"].write(line(["trajectory_source_id", "position", "changed_on", "kind", "job_title",
                                     "contract_hours", "contract_type", "employer_source_id", "note"]))
    files["goals"].write(line(["source_id", "trajectory_source_id", "description", "themes", "agreed_with_employee",
                               "agreed_with_employer", "review_on", "status", "created_on"]))
    files["contacts"].write(line(["source_id", "trajectory_source_id", "contact_on", "minutes", "party", "mode",
                                  "themes", "note", "goal_source_ids", "reason"]))
    files["answers"].write(line(["trajectory_source_id", "wave", "respondent", "instrument_code", "item_code",
                                 "value", "completed_on"]))
    counts = {k: 0 for k in files}
    contact_id = 0
    W = {k: files[k].write for k in files}
    for t in range(1, n + 1):
        rng = random.Random(a.seed * 1_000_003 + t)
        tid = f"{pre}-t-{t}"
        eid = f"{pre}-e-{t}"
        first, last = rng.choice(FIRST), rng.choice(LAST)
        birth = dt.date(1988, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 14))
        W["employees"](line([eid, first, last, birth.isoformat(), f"{pre}.{t}@example.org",
                             f"06{rng.randrange(10_000_000, 99_999_999)}"]))
        counts["employees"] += 1
        coach = f"{pre}coach{(t - 1) // TRAJECTORIES_PER_COACH + 1:05d}"
        commissioner = COMMISSIONERS[rng.randrange(len(COMMISSIONERS))][0]
        started_on = today - dt.timedelta(days=rng.randrange(300, 1100))
        searching = rng.random() < 0.10
        # intensity: contact hours per month in months 0-3 (the planted predictor), then less in months 3-6
        target = rng.triangular(1.5, 9.0, 4.0)
        goal_ids = [f"{pre}-g-{t}-1", f"{pre}-g-{t}-2"]
        for i, gid in enumerate(goal_ids):
            W["goals"](line([gid, tid, ["Werk en rust in balans houden", "Zelf aangeven wat ik nodig heb, ook als "
                                         "het lastig is"][i], "|".join(sorted(rng.sample(EMPLOYEE_THEMES, 2))),
                             "true", "true" if i == 0 else "false",
                             (started_on + dt.timedelta(days=120)).isoformat(), "OPEN",
                             started_on.isoformat()]))
            counts["goals"] += 1
        if searching:
            W["trajectories"](line([tid, eid, coach, commissioner, "", started_on.isoformat(), "JOB_SEARCH", "", "",
                                    "", "", "", "", f"K{t:07d}", ""]))
            W["phase_changes"](line([tid, 0, "", "JOB_SEARCH", started_on.isoformat(), ""]))
            counts["trajectories"] += 1
            counts["phase_changes"] += 1
            for k in range(rng.randrange(8, 15)):
                contact_id += 1
                day = started_on + dt.timedelta(days=rng.randrange(0, 180))
                W["contacts"](line([f"{pre}-c-{contact_id}", tid, day.isoformat(), rng.choice([30, 45, 60, 90]),
                                    "EMPLOYEE", rng.choice(MODES), "JOB_SEARCH", "", "", ""]))
                counts["contacts"] += 1
            continue
        employer = f"{pre}-er-{rng.randrange(1, employers + 1)}"
        coaching_on = started_on + dt.timedelta(days=rng.randrange(0, 60))
        job = rng.choice(JOBS)
        hours_t0 = rng.choice([12, 16, 20, 24, 24, 28, 32, 36])
        contract = rng.choice(CONTRACTS)
        # contacts: 21..32 (26.5 on average; with the job seekers' 8..14, 25 per trajectory over the cohort),
        # 56% in months 0-3, minutes sized to the target intensity
        total = rng.randrange(21, 33)
        first_part = round(total * 0.56)
        m3 = plus_months(coaching_on, 3)
        m6 = plus_months(coaching_on, 6)
        minutes_0_3 = 0
        contacts = []
        for k in range(total):
            early = k < first_part
            lo, hi = (coaching_on, m3) if early else (m3, m6)
            day = lo + dt.timedelta(days=rng.randrange(0, (hi - lo).days))
            per = (target if early else target * 0.77) * 180 / (first_part if early else total - first_part)
            minutes = int(clip(round(per * rng.uniform(0.8, 1.2) / 5) * 5, 5, 480))
            if early:
                minutes_0_3 += minutes
            contacts.append((day, minutes))
        contacts.sort()
        for day, minutes in contacts:
            contact_id += 1
            party = rng.choice(PARTIES)
            if party in ("EMPLOYER", "COLLEAGUES"):
                themes = rng.sample(EMPLOYER_THEMES, rng.choice([1, 1, 2]))
            elif party in ("CARE_PROVIDER", "RELATIVES"):
                themes = [rng.choice(OTHER_THEMES)]
            else:
                themes = rng.sample(EMPLOYEE_THEMES, rng.choice([1, 1, 2]))
            r = rng.random()
            goals = goal_ids[0] if r < 0.4 else goal_ids[1] if r < 0.6 else "|".join(goal_ids) if r < 0.7 else ""
            W["contacts"](line([f"{pre}-c-{contact_id}", tid, day.isoformat(), minutes, party, rng.choice(MODES),
                                "|".join(sorted(themes)), rng.choice(NOTES) if rng.random() < 0.33 else "", goals,
                                "Begeleiding op de werkplek" if goals else ""]))
            counts["contacts"] += 1
        hours = minutes_0_3 / 60 / 3
        # T2 answers first (the planted effects are on them), T0 close to them
        rapport_centre = rng.gauss(3.8, 0.6)
        rapport2 = [scale(rng, rapport_centre, 0.5) for _ in range(3)]
        wishes_centre = rng.gauss(3.8, 0.6)
        wishes2 = [scale(rng, wishes_centre, 0.5) for _ in range(2)]
        job_fit2 = int(clip(round(rng.gauss(7, 1.4)), 1, 10))
        rapport = sum(rapport2) / 3
        fit_wishes = sum(wishes2) / 2
        retained = rng.random() < logistic(2.0 + math.log(1.5) * (hours - 4.8) + math.log(1.3) * (job_fit2 - 7)
                                           + math.log(1.6) * (rapport - 3.7))
        positive = retained and rng.random() < logistic(-1.1 + math.log(1.4) * (fit_wishes - 3.7)
                                                        + math.log(1.2) * (hours - 4.8))
        more_hours = positive and rng.random() < 0.5
        hours_t2 = hours_t0 + 4 if more_hours else hours_t0
        t0_on = coaching_on + dt.timedelta(days=rng.randrange(0, 14))
        t2_on = m6 + dt.timedelta(days=rng.randrange(0, 20))
        jobs = 0
        if more_hours:
            W["job_changes"](line([tid, 0, (m3 + dt.timedelta(days=20)).isoformat(), "MORE_HOURS", job, hours_t2,
                                   contract, employer, "Meer uren, gaat goed"]))
            jobs += 1
        closed_on = None
        if not retained:
            closed_on = t2_on + dt.timedelta(days=rng.randrange(10, 40))
            if closed_on > today:
                closed_on = today
        phase = "CLOSED" if closed_on else "COACHING"
        W["trajectories"](line([tid, eid, coach, commissioner, employer, started_on.isoformat(), phase,
                                "JOB_LOST" if closed_on else "", closed_on.isoformat() if closed_on else "", job,
                                hours_t2, contract, coaching_on.isoformat(), f"K{t:07d}", f"Z-{t:07d}"]))
        counts["trajectories"] += 1
        counts["job_changes"] += jobs
        W["phase_changes"](line([tid, 0, "", "JOB_SEARCH", started_on.isoformat(), ""]))
        W["phase_changes"](line([tid, 1, "JOB_SEARCH", "COACHING", coaching_on.isoformat(), ""]))
        counts["phase_changes"] += 2
        if closed_on:
            W["phase_changes"](line([tid, 2, "COACHING", "CLOSED", closed_on.isoformat(), "JOB_LOST"]))
            counts["phase_changes"] += 1
        rows = []
        for wave, on in (("T0", t0_on), ("T2", t2_on)):
            last_wave = wave == "T2"
            rap = rapport2 if last_wave else [int(clip(x + rng.choice([-1, 0, 0, 0, 1]), 1, 5)) for x in rapport2]
            wish = wishes2 if last_wave else [int(clip(x + rng.choice([-1, 0, 0, 1]), 1, 5)) for x in wishes2]
            emp = [("paid_work", "yes" if (retained or not last_wave) else "no")]
            if retained or not last_wave:
                emp.append(("hours_week", hours_t2 if last_wave else hours_t0))
            if last_wave:
                emp.append(("same_employer", "yes" if retained else "no"))
                emp.append(("tasks_change", "more" if positive and not more_hours else rng.choice(["same", "same",
                                                                                                     "fewer"])))
            emp.append(("coach_value", int(clip(round(rng.gauss(8.2, 1.0)), 1, 10))))
            emp += [("rapport_1", rap[0]), ("rapport_2", rap[1]), ("rapport_3", rap[2]),
                    ("fit_wishes_1", wish[0]), ("fit_wishes_2", wish[1])]
            for who in ("employer", "colleagues"):
                told = rng.choices(["yes", "partly", "no"], [60, 18, 22] if who == "employer" else [40, 18, 42])[0]
                emp.append((f"disclosed_{who}", told))
                if told != "no":
                    emp.append((f"reaction_{who}", int(clip(round(rng.gauss(8.2 if who == "employer" else 7.9,
                                                                             1.0)), 1, 10))))
            for v in WORK_VALUES:
                important = scale(rng, 4.1, 0.8)
                offered = scale(rng, 3.6, 0.9)
                achieved = scale(rng, 3.4 + 0.5 * (rapport - 3.7), 0.8)
                emp += [(f"wv_{v}_important", important), (f"wv_{v}_offered", offered),
                        (f"wv_{v}_achieved", achieved)]
            for item, value in emp:
                rows.append((wave, "EMPLOYEE", "employee", item, value, on))
            domains = rng.sample(LIFE_DOMAINS, rng.choice([0, 0, 1, 1, 2])) or ["none"]
            care = rng.sample(CARE, rng.choice([0, 1, 1, 2])) or ["none"]
            coach_items = [("job_fit", job_fit2 if last_wave else int(clip(job_fit2 + rng.choice([-1, 0, 0, 1]), 1,
                                                                         10))),
                           ("rapport_coach", scale(rng, rapport_centre, 0.6)),
                           ("employer_support", scale(rng, 3.8, 0.8)),
                           ("life_domains", "|".join(domains)), ("care_providers", "|".join(care))]
            if care != ["none"]:
                coach_items.append(("care_coordination", scale(rng, 3.5, 0.9)))
            coach_items += [("care_conflict", "yes" if rng.random() < 0.08 else "no"),
                            ("expected_retention", scale(rng, 4.0 if retained else 3.0, 0.8)),
                            ("hours_sufficient", rng.choices(["too_few", "enough", "too_many"], [20, 75, 5])[0])]
            for item, value in coach_items:
                rows.append((wave, "COACH", "coach", item, value, on))
        # answer values are codes and numbers (never a comma or quote): no quoting needed
        days = {t0_on: t0_on.isoformat(), t2_on: t2_on.isoformat()}
        W["answers"]("".join(f"{tid},{wave},{respondent},{instrument},{item},"
                             f"{value},{days[on]}\r\n"
                             for wave, respondent, instrument, item, value, on in rows))
        counts["answers"] += len(rows)
        if t % 20_000 == 0:
            print(f"{t} trajectories, {counts['contacts']} contacts, {time.time() - started:.0f} s", file=sys.stderr)
    for out in files.values():
        out.close()
    counts["employers"] = employers
    counts["staff"] = coaches
    took = time.time() - started
    with open(os.path.join(a.out, "manifest.csv"), "w", encoding="utf-8", newline="") as out:
        out.write(line(["file", "rows"]))
        for k, v in sorted(counts.items()):
            out.write(line([k + ".csv", v]))
    print(f"{n} trajectories in {a.out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
          + f"; {took:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

package nl.jobcoachmonitor.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.measurement.WorkValue;
import nl.jobcoachmonitor.measurement.WorkValueScores;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.JobChangeKind;
import nl.jobcoachmonitor.trajectory.MonthsOfCoaching;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

/**
 * Computes a trajectory's indicators and the signals they raise from the facts (INSTRUMENTS.md). Pure: the same facts
 * give the same result, whether the trajectory is updated after an event or rebuilt from scratch.
 */
final class IndicatorCalculator {

    static final int NO_CONTACT_DAYS = 30;
    static final BigDecimal LOW_RAPPORT = new BigDecimal("2.5");
    static final int JOB_FIT_DROP = 2;

    private IndicatorCalculator() {
    }

    /** Everything the indicators are computed from. */
    record Facts(long trajectoryId, TrajectoryPhase phase, ClosingReason closingReason, LocalDate closedOn,
            LocalDate coachingStartedOn, List<ContactFact> contacts, List<JobChangeFact> jobChanges,
            List<ResponseFact> responses, List<WaveFact> overdueWaves, LocalDate supportRequestedOn,
            LocalDate today) {
    }

    record ContactFact(LocalDate on, int minutes, Party party) {
    }

    record JobChangeFact(LocalDate on, JobChangeKind kind) {
    }

    /** A completed response with its wave. */
    /** A completed questionnaire; {@code answeredOn} the day it was answered (on paper: the day given, not the entry). */
    record ResponseFact(String wave, LocalDate dueOn, Respondent respondent, Map<String, Object> answers,
            LocalDate answeredOn) {
    }

    /** A wave whose questionnaires are overdue (14 days after due, not all completed, window still open). */
    record WaveFact(String wave) {
    }

    /** A signal the facts raise, with what raised it: a handled signal is not raised again for the same trigger. */
    record Raised(SignalKind kind, String trigger) {
    }

    record Result(TrajectoryIndicators trajectory, List<WaveIndicators> waves, List<Raised> signals,
            List<MonthHours> months) {
    }

    /**
     * Contact minutes in one month since the start of coaching ({@link MonthsOfCoaching}, 0 = the month from the start
     * day) by party group: employee, employer (with colleagues), others.
     */
    record MonthHours(int month, int employeeMinutes, int employerMinutes, int otherMinutes) {
    }

    static Result compute(Facts facts) {
        List<WaveIndicators> waves = waves(facts);
        LocalDate start = facts.coachingStartedOn();
        var first = start == null ? emptyIntensity() : intensity(facts, start, start.plusMonths(3));
        var second = start == null ? emptyIntensity() : intensity(facts, start.plusMonths(3), start.plusMonths(6));
        LocalDate lastContact = facts.contacts().stream().map(ContactFact::on).max(Comparator.naturalOrder())
                .orElse(null);

        var employeeWaves = waves.stream().filter(WaveIndicators::employeeAnswered).toList();
        var withJobFit = waves.stream().filter(w -> w.jobFit() != null).toList();
        var latestEmployee = employeeWaves.isEmpty() ? null : employeeWaves.get(employeeWaves.size() - 1);
        var latestCoach = withJobFit.isEmpty() ? null : withJobFit.get(withJobFit.size() - 1);
        var t0 = waves.stream().filter(w -> w.wave().equals("T0") && w.employeeAnswered()).findFirst().orElse(null);
        var t2 = waves.stream().filter(w -> w.wave().equals("T2") && w.employeeAnswered()).findFirst().orElse(null);

        boolean jobLost = facts.closingReason() == ClosingReason.JOB_LOST;
        boolean employmentEnded = jobLost || latestEmployee != null && Boolean.FALSE.equals(latestEmployee.paidWork());
        Boolean retained = retained(facts, t2, jobLost);
        Boolean positive = positiveDevelopment(facts, t0, t2, waves);

        var indicators = new TrajectoryIndicators(facts.trajectoryId(), start, first, second, lastContact, retained,
                positive, employmentEnded, withJobFit.isEmpty() ? null : withJobFit.get(0).jobFit(),
                latestCoach == null ? null : latestCoach.jobFit(),
                latest(employeeWaves, WaveIndicators::rapportEmployee), latest(waves, WaveIndicators::rapportCoach),
                latest(employeeWaves, WaveIndicators::fitWishes),
                employeeWaves.stream().map(WaveIndicators::capabilitySet).filter(Objects::nonNull).findFirst()
                        .orElse(null),
                latest(employeeWaves, WaveIndicators::capabilitySet),
                latestEmployee == null || latestEmployee.gaps() == null ? null : latestEmployee.gaps().size());
        return new Result(indicators, waves, signals(facts, waves, employeeWaves, withJobFit, lastContact),
                months(facts));
    }

    private static Boolean retained(Facts facts, WaveIndicators t2, boolean jobLost) {
        LocalDate t2Due = facts.coachingStartedOn() == null ? null : facts.coachingStartedOn().plusMonths(6);
        if (jobLost && t2Due != null && !facts.closedOn().isAfter(t2Due)) {
            return false;
        }
        if (t2 != null && t2.paidWork() != null) {
            return t2.paidWork();
        }
        return jobLost ? Boolean.FALSE : null;
    }

    /** At T2 vs T0: more contract hours, more or broader tasks, or a positive job change recorded by the coach. */
    private static Boolean positiveDevelopment(Facts facts, WaveIndicators t0, WaveIndicators t2,
            List<WaveIndicators> waves) {
        if (facts.coachingStartedOn() == null) {
            return null;
        }
        LocalDate t2Due = facts.coachingStartedOn().plusMonths(6);
        boolean recorded = facts.jobChanges().stream()
                .anyMatch(c -> c.kind().isPositive() && !c.on().isAfter(t2Due));
        boolean moreHours = t0 != null && t2 != null && t0.contractHours() != null && t2.contractHours() != null
                && t2.contractHours().compareTo(t0.contractHours()) > 0;
        boolean moreTasks = waves.stream().filter(w -> !w.dueOn().isAfter(t2Due))
                .anyMatch(w -> "more".equals(w.tasksChange()));
        if (recorded || moreHours || moreTasks) {
            return true;
        }
        return t2 != null || facts.today().isAfter(t2Due) ? Boolean.FALSE : null;
    }

    private static List<Raised> signals(Facts facts, List<WaveIndicators> waves, List<WaveIndicators> employeeWaves,
            List<WaveIndicators> withJobFit, LocalDate lastContact) {
        List<Raised> raised = new ArrayList<>();
        if (facts.phase() == TrajectoryPhase.CLOSED) {
            if (facts.closingReason() == ClosingReason.JOB_LOST) {
                raised.add(new Raised(SignalKind.EMPLOYMENT_ENDED, "closed"));
            }
            return raised;
        }
        if (!employeeWaves.isEmpty()) {
            var latest = employeeWaves.get(employeeWaves.size() - 1);
            if (Boolean.FALSE.equals(latest.paidWork())) {
                raised.add(new Raised(SignalKind.EMPLOYMENT_ENDED, latest.wave()));
            }
            if (latest.rapportEmployee() != null && latest.rapportEmployee().compareTo(LOW_RAPPORT) <= 0) {
                raised.add(new Raised(SignalKind.LOW_RAPPORT, latest.wave()));
            }
            if (employeeWaves.size() > 1) {
                var previous = employeeWaves.get(employeeWaves.size() - 2);
                if (latest.gaps() != null && previous.gaps() != null && latest.gaps().size() > previous.gaps().size()) {
                    raised.add(new Raised(SignalKind.JOB_FIT_DECLINING, latest.wave()));
                }
            }
        }
        if (withJobFit.size() > 1) {
            var latest = withJobFit.get(withJobFit.size() - 1);
            var previous = withJobFit.get(withJobFit.size() - 2);
            if (previous.jobFit() - latest.jobFit() >= JOB_FIT_DROP
                    && raised.stream().noneMatch(r -> r.kind() == SignalKind.JOB_FIT_DECLINING)) {
                raised.add(new Raised(SignalKind.JOB_FIT_DECLINING, latest.wave()));
            }
        }
        waves.stream().filter(w -> w.careConflict() != null).reduce((a, b) -> b)
                .filter(w -> w.careConflict())
                .ifPresent(w -> raised.add(new Raised(SignalKind.CARE_CONFLICT, w.wave())));
        if (facts.phase() == TrajectoryPhase.COACHING && facts.coachingStartedOn() != null) {
            LocalDate since = lastContact == null || lastContact.isBefore(facts.coachingStartedOn())
                    ? facts.coachingStartedOn() : lastContact;
            if (ChronoUnit.DAYS.between(since, facts.today()) >= NO_CONTACT_DAYS) {
                raised.add(new Raised(SignalKind.NO_RECENT_CONTACT, since.toString()));
            }
        }
        facts.overdueWaves().forEach(w -> raised.add(new Raised(SignalKind.WAVE_OVERDUE, w.wave())));
        // Continued support after phase-out or closure is asked for by the employee (recommendation 5); the signal
        // stays until the coach has had contact since.
        LocalDate requested = facts.supportRequestedOn();
        if (facts.phase() == TrajectoryPhase.CONTINUED_SUPPORT && requested != null
                && (lastContact == null || lastContact.isBefore(requested))) {
            raised.add(new Raised(SignalKind.SUPPORT_REQUESTED, requested.toString()));
        }
        return raised;
    }

    /**
     * Per month since the start of coaching, counted as the intensity counts them (the same month boundaries), so the
     * report's hours per month and the intensity in months 0–3 and 3–6 add up the same contacts. Contacts before the
     * start (job search) are in no month.
     */
    private static List<MonthHours> months(Facts facts) {
        Map<Integer, int[]> minutes = new java.util.TreeMap<>();
        LocalDate start = facts.coachingStartedOn();
        for (ContactFact contact : facts.contacts()) {
            int month = start == null ? -1 : MonthsOfCoaching.index(start, contact.on());
            if (month < 0) {
                continue;
            }
            int[] m = minutes.computeIfAbsent(month, k -> new int[3]);
            m[switch (contact.party().group()) {
                case "EMPLOYEE" -> 0;
                case "EMPLOYER" -> 1;
                default -> 2;
            }] += contact.minutes();
        }
        return minutes.entrySet().stream().map(e -> new MonthHours(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).toList();
    }

    private static List<WaveIndicators> waves(Facts facts) {
        Map<String, Map<Respondent, ResponseFact>> byWave = new LinkedHashMap<>();
        facts.responses().stream().sorted(Comparator.comparing(ResponseFact::dueOn))
                .forEach(r -> byWave.computeIfAbsent(r.wave(), k -> new LinkedHashMap<>()).put(r.respondent(), r));
        List<WaveIndicators> waves = new ArrayList<>();
        byWave.forEach((wave, responses) -> {
            var employee = responses.containsKey(Respondent.EMPLOYEE) ? responses.get(Respondent.EMPLOYEE).answers()
                    : Map.<String, Object>of();
            var coach = responses.containsKey(Respondent.COACH) ? responses.get(Respondent.COACH).answers()
                    : Map.<String, Object>of();
            LocalDate due = responses.values().iterator().next().dueOn();
            Map<String, WaveIndicators.Scores> values = new LinkedHashMap<>();
            for (WorkValue value : WorkValue.values()) {
                var scores = new WaveIndicators.Scores(integer(employee.get(value.important())),
                        integer(employee.get(value.offered())), integer(employee.get(value.achieved())));
                if (scores.important() != null || scores.offered() != null || scores.achieved() != null) {
                    values.put(value.code(), scores);
                }
            }
            var workValueScores = values.isEmpty() ? null : WorkValueScores.of(employee);
            waves.add(new WaveIndicators(facts.trajectoryId(), wave, due, yes(employee.get("paid_work")),
                    decimal(employee.get("hours_week")), text(employee.get("tasks_change")),
                    integer(coach.get("job_fit")), mean(employee, "rapport_1", "rapport_2", "rapport_3"),
                    integer(coach.get("rapport_coach")), mean(employee, "fit_wishes_1", "fit_wishes_2"),
                    integer(employee.get("coach_value")), text(employee.get("disclosed_employer")),
                    integer(employee.get("reaction_employer")), text(employee.get("disclosed_colleagues")),
                    integer(employee.get("reaction_colleagues")),
                    workValueScores == null ? null : workValueScores.capabilitySet(),
                    workValueScores == null ? null : workValueScores.gaps().stream().map(WorkValue::code).sorted()
                            .toList(),
                    yes(coach.get("care_conflict")), values,
                    responses.containsKey(Respondent.EMPLOYEE) ? responses.get(Respondent.EMPLOYEE).answeredOn()
                            : null));
        });
        return waves;
    }

    private static TrajectoryIndicators.Intensity intensity(Facts facts, LocalDate from, LocalDate until) {
        LocalDate end = min(until, min(facts.today().plusDays(1),
                facts.closedOn() == null ? until : facts.closedOn().plusDays(1)));
        double months = end.isAfter(from) ? Math.min(3, months(from, end)) : 0;
        int employee = 0;
        int employer = 0;
        int total = 0;
        for (ContactFact contact : facts.contacts()) {
            if (!contact.on().isBefore(from) && contact.on().isBefore(until)) {
                total += contact.minutes();
                switch (contact.party().group()) {
                    case "EMPLOYEE" -> employee += contact.minutes();
                    case "EMPLOYER" -> employer += contact.minutes();
                    default -> { }
                }
            }
        }
        return new TrajectoryIndicators.Intensity(BigDecimal.valueOf(months).setScale(2, RoundingMode.HALF_UP),
                hours(employee), hours(employer), hours(total));
    }

    /** Calendar months from one day to another: whole months, plus the rest as a share of the month it falls in. */
    private static double months(LocalDate from, LocalDate to) {
        long whole = ChronoUnit.MONTHS.between(from, to);
        LocalDate after = from.plusMonths(whole);
        return whole + ChronoUnit.DAYS.between(after, to) / (double) ChronoUnit.DAYS.between(after, after.plusMonths(1));
    }

    private static TrajectoryIndicators.Intensity emptyIntensity() {
        return new TrajectoryIndicators.Intensity(BigDecimal.ZERO.setScale(2), hours(0), hours(0), hours(0));
    }

    private static BigDecimal hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private static <T> T latest(List<WaveIndicators> waves, Function<WaveIndicators, T> value) {
        T found = null;
        for (WaveIndicators wave : waves) {
            T v = value.apply(wave);
            if (v != null) {
                found = v;
            }
        }
        return found;
    }

    private static BigDecimal mean(Map<String, Object> answers, String... items) {
        int sum = 0;
        int n = 0;
        for (String item : items) {
            Integer value = integer(answers.get(item));
            if (value != null) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    private static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("\\d{1,2}")) {
            return Integer.valueOf(s);
        }
        return null;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).setScale(1, RoundingMode.HALF_UP);
        }
        if (value instanceof String s && s.matches("\\d{1,3}([.,]\\d+)?")) {
            return new BigDecimal(s.replace(',', '.')).setScale(1, RoundingMode.HALF_UP);
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Boolean yes(Object value) {
        return value == null ? null : "yes".equals(value);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

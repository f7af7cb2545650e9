package nl.jobcoachmonitor.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.demo.DemoCohort.Answered;
import nl.jobcoachmonitor.demo.DemoCohort.JobChange;
import nl.jobcoachmonitor.demo.DemoCohort.Wave;

/**
 * The measurement waves of a demo trajectory and the answers to them, shaped like the Trimbos study: 78% told their
 * supervisor and 58% colleagues, reaction grades 8.4 and 7.9, the coach valued at 8.2, about 88% still in paid work at
 * T2, meaningful contacts the best realised work value and income the largest gap. One latent "going well" score per
 * trajectory, which rises with the coaching intensity, moves job fit, rapport, fit with wishes, the achieved work values
 * and the chance of keeping the job together, so that the study's associations show. Some questionnaires are never
 * answered, some are answered late, some are left half-way and some employees answered on paper (entered by the coach).
 *
 * <p>The waves follow the schedule of the measurement module (T0 at the start of coaching on the job, T1 at 3 months,
 * T2 at 6 months, then every 6 months); the demo writes them itself as plain SQL, like the rest of the cohort.
 */
final class DemoMeasurements {

    static final String EMPLOYEE = "EMPLOYEE";
    static final String COACH = "COACH";
    static final String EMPLOYER = "EMPLOYER";

    private static final int ANSWER_DAYS = 12;
    private static final int[] TOLD_EMPLOYER = {62, 16, 22};
    private static final int[] TOLD_COLLEAGUES = {40, 18, 42};
    private static final List<String> TOLD = List.of("yes", "partly", "no");

    /** Work values in the order of the instrument: mean importance, mean offered, mean achieved (1-5). */
    private static final Map<String, double[]> WORK_VALUES = workValues();

    private final Dice dice;
    private final LocalDate today;

    DemoMeasurements(Dice dice, LocalDate today) {
        this.dice = dice;
        this.today = today;
    }

    /** What the measurements need to know of a trajectory. */
    record Course(LocalDate coachingStart, LocalDate closedOn, String closingReason, double intensity,
            BigDecimal initialHours, List<JobChange> jobChanges) {
    }

    private static Map<String, double[]> workValues() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("use_skills", new double[] {4.1, 3.8, 3.7});
        values.put("develop_skills", new double[] {4.4, 3.5, 3.4});
        values.put("decisions", new double[] {3.8, 3.6, 3.5});
        values.put("contacts", new double[] {4.4, 4.3, 4.3});
        values.put("own_goals", new double[] {3.9, 3.6, 3.5});
        values.put("income", new double[] {4.4, 3.0, 2.9});
        values.put("contribute", new double[] {4.0, 3.8, 3.7});
        return values;
    }

    /** The waves of a trajectory with coaching on the job, with their responses; none without coaching. */
    List<Wave> waves(Course course) {
        if (course.coachingStart() == null) {
            return List.of();
        }
        double going = 1.6 * (course.intensity() - 1.0) / 0.115 * 0.35 + dice.gaussian(0, 0.85)
                - ("JOB_LOST".equals(course.closingReason()) ? 0.9 : 0);
        Person person = new Person(going, dice.weightedIndex(TOLD_EMPLOYER), dice.weightedIndex(TOLD_COLLEAGUES),
                dice.chance(1 / (1 + Math.exp(2.6 + 1.1 * going))), dice.chance(0.4) ? null : dice.gaussian(0, 0.7));
        List<Wave> waves = new ArrayList<>();
        for (int n = 0; ; n++) {
            LocalDate due = n == 0 ? course.coachingStart()
                    : n == 1 ? course.coachingStart().plusMonths(3) : course.coachingStart().plusMonths(6L * (n - 1));
            boolean cancelled = course.closedOn() != null && due.isAfter(course.closedOn());
            if (cancelled && n > 2) {
                return waves;
            }
            String code = "T" + n;
            waves.add(new Wave(code, due, cancelled ? "CANCELLED" : "OPEN",
                    cancelled ? List.of() : responses(course, person, n, due)));
            if (n >= 2 && due.isAfter(today)) {
                return waves;
            }
        }
    }

    private record Person(double going, int toldEmployer, int toldColleagues, boolean losesJob, Double fitDrift) {
    }

    private List<Answered> responses(Course course, Person person, int wave, LocalDate due) {
        List<Answered> answered = new ArrayList<>();
        boolean employerAsked = wave == 0 || wave == 2;
        double coachMissing = 0.05;
        double employeeMissing = wave == 0 ? 0.08 : wave == 2 ? 0.15 : 0.22;
        double employerMissing = wave == 0 ? 0.4 : 0.5;
        respond(answered, COACH, due, coachMissing, () -> coach(person, wave));
        if (wave != 1) {
            respond(answered, EMPLOYEE, due, employeeMissing, () -> employee(course, person, wave, due));
        }
        if (employerAsked) {
            respond(answered, EMPLOYER, due, employerMissing, () -> employer(person));
        }
        return answered;
    }

    private void respond(List<Answered> answered, String respondent, LocalDate due, double missing,
            java.util.function.Supplier<Map<String, Object>> answers) {
        if (dice.chance(missing)) {
            return;
        }
        LocalDate on = due.plusDays(dice.chance(0.85) ? dice.between(0, ANSWER_DAYS) : dice.between(13, 30));
        Map<String, Object> all = answers.get();
        if (on.isAfter(today)) {
            if (!respondent.equals(COACH) && !due.isAfter(today) && dice.chance(0.3)) {
                answered.add(new Answered(respondent, half(all), today.minusDays(dice.between(0, 3)), false, false));
            }
            return;
        }
        boolean paper = respondent.equals(EMPLOYEE) && dice.chance(0.1);
        answered.add(new Answered(respondent, all, on, true, paper));
    }

    /** The first half of the answers: a questionnaire left half-way. */
    private static Map<String, Object> half(Map<String, Object> answers) {
        Map<String, Object> half = new LinkedHashMap<>();
        answers.entrySet().stream().limit(answers.size() / 2).forEach(e -> half.put(e.getKey(), e.getValue()));
        return half;
    }

    private Map<String, Object> coach(Person person, int wave) {
        Map<String, Object> a = new LinkedHashMap<>();
        double drift = person.fitDrift() == null ? 0 : person.fitDrift() * wave - (person.going() < -1.2 ? wave : 0);
        a.put("job_fit", grade(7.3 + 0.9 * person.going() + drift, 0.7));
        a.put("rapport_coach", scale(4.0 + 0.45 * person.going(), 0.5));
        a.put("employer_support", scale(3.8 + 0.35 * person.going(), 0.7));
        List<String> domains = new ArrayList<>();
        for (String domain : List.of("debts", "housing", "physical_health", "mental_health", "family_relations",
                "addiction", "justice")) {
            if (dice.chance(domain.equals("mental_health") ? 0.55 : domain.equals("debts") ? 0.2 : 0.08)) {
                domains.add(domain);
            }
        }
        a.put("life_domains", domains.isEmpty() ? List.of("none") : domains);
        List<String> providers = new ArrayList<>();
        for (String provider : List.of("mental_health_care", "debt_counselling", "general_practitioner",
                "social_district_team", "other")) {
            if (dice.chance(provider.equals("mental_health_care") ? 0.5 : provider.equals("general_practitioner")
                    ? 0.25 : 0.08)) {
                providers.add(provider);
            }
        }
        a.put("care_providers", providers.isEmpty() ? List.of("none") : providers);
        if (!providers.isEmpty()) {
            a.put("care_coordination", scale(3.6, 0.8));
        }
        a.put("care_conflict", dice.chance(0.07) ? "yes" : "no");
        a.put("expected_retention", scale(4.1 + 0.6 * person.going(), 0.6));
        a.put("hours_sufficient", dice.pick(List.of("too_few", "enough", "too_many"), 18, 77, 5));
        return a;
    }

    private Map<String, Object> employee(Course course, Person person, int wave, LocalDate due) {
        Map<String, Object> a = new LinkedHashMap<>();
        boolean paid = wave < 2 || !person.losesJob() || "OTHER_WORK".equals(course.closingReason());
        a.put("paid_work", paid ? "yes" : "no");
        a.put("hours_week", paid ? hoursOn(course, due) : BigDecimal.ZERO);
        if (wave > 0) {
            boolean otherEmployer = course.jobChanges().stream()
                    .anyMatch(c -> c.kind().equals("OTHER_EMPLOYER") && !c.changedOn().isAfter(due));
            a.put("same_employer", paid && !otherEmployer ? "yes" : "no");
            a.put("tasks_change", tasksChange(course, due));
        }
        a.put("coach_value", grade(8.35 + 0.3 * person.going(), 0.95));
        for (int n = 1; n <= 3; n++) {
            a.put("rapport_" + n, scale(4.1 + 0.5 * person.going(), 0.6));
        }
        a.put("fit_wishes_1", scale(3.9 + 0.5 * person.going(), 0.65));
        a.put("fit_wishes_2", scale(3.8 + 0.5 * person.going(), 0.7));
        int toldEmployer = person.toldEmployer();
        a.put("disclosed_employer", TOLD.get(toldEmployer));
        if (toldEmployer < 2) {
            a.put("reaction_employer", grade(8.5 + 0.2 * person.going(), 1.0));
        }
        a.put("disclosed_colleagues", TOLD.get(person.toldColleagues()));
        if (person.toldColleagues() < 2) {
            a.put("reaction_colleagues", grade(7.9 + 0.2 * person.going(), 1.1));
        }
        double later = wave >= 2 ? -0.15 : 0;
        WORK_VALUES.forEach((value, means) -> {
            a.put("wv_" + value + "_important", scale(means[0], 0.6));
            a.put("wv_" + value + "_offered", scale(means[1] + 0.25 * person.going() + later, 0.7));
            a.put("wv_" + value + "_achieved", scale(means[2] + 0.3 * person.going() + later, 0.7));
        });
        return a;
    }

    private Map<String, Object> employer(Person person) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("employee_functioning", grade(7.4 + 0.8 * person.going(), 0.8));
        a.put("coach_support_value", grade(8.0, 0.9));
        List<String> adjustments = new ArrayList<>();
        for (String adjustment : List.of("hours", "tasks", "workplace", "supervision", "schedule")) {
            if (dice.chance(0.3)) {
                adjustments.add(adjustment);
            }
        }
        a.put("adjustments", adjustments.isEmpty() ? List.of("none") : adjustments);
        a.put("continue_intent", scale(4.1 + 0.6 * person.going(), 0.6));
        return a;
    }

    private static BigDecimal hoursOn(Course course, LocalDate day) {
        BigDecimal hours = course.initialHours();
        for (JobChange change : course.jobChanges()) {
            if (change.contractHours() != null && !change.changedOn().isAfter(day)) {
                hours = change.contractHours();
            }
        }
        return hours.stripTrailingZeros();
    }

    private static String tasksChange(Course course, LocalDate day) {
        String answer = "same";
        for (JobChange change : course.jobChanges()) {
            if (!change.changedOn().isAfter(day)) {
                answer = switch (change.kind()) {
                    case "NEW_TASKS" -> "more";
                    case "FEWER_TASKS" -> "fewer";
                    default -> answer;
                };
            }
        }
        return answer;
    }

    private int grade(double mean, double sd) {
        return (int) Math.max(1, Math.min(10, Math.round(dice.gaussian(mean, sd))));
    }

    private int scale(double mean, double sd) {
        return (int) Math.max(1, Math.min(5, Math.round(dice.gaussian(mean, sd))));
    }
}

package nl.jobcoachmonitor.demo;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.jobcoachmonitor.demo.DemoCohort.Commissioner;
import nl.jobcoachmonitor.demo.DemoCohort.Contact;
import nl.jobcoachmonitor.demo.DemoCohort.Employee;
import nl.jobcoachmonitor.demo.DemoCohort.Employer;
import nl.jobcoachmonitor.demo.DemoCohort.Job;
import nl.jobcoachmonitor.demo.DemoCohort.JobChange;
import nl.jobcoachmonitor.demo.DemoCohort.Organisation;
import nl.jobcoachmonitor.demo.DemoCohort.PhaseStep;
import nl.jobcoachmonitor.demo.DemoCohort.Trajectory;
import nl.jobcoachmonitor.demo.DemoCohort.User;
import nl.jobcoachmonitor.demo.DemoNames.Sector;

/**
 * Draws a cohort shaped like the Trimbos study (134 trajectories of 84 coaches, employees of about 30 working about
 * 24 hours a week, 4.8 contact hours a month at the start falling to 3.7 after half a year, a quarter with a positive
 * development, about one in eight closed). Pure computation: the same dice and the same day give the same cohort.
 */
final class DemoCohortGenerator {

    static final int TRAJECTORIES = 134;
    static final int COACHES = 84;

    /** Contact hours per month of coaching on the job, for months 0 to 6; after that {@link #LATER_HOURS}. */
    private static final double[] COACHING_HOURS = {4.9, 4.9, 4.7, 4.4, 4.1, 3.8, 3.7};
    private static final double LATER_HOURS = 3.6;
    private static final double JOB_SEARCH_HOURS = 2.0;
    private static final double PHASE_OUT_SHARE = 0.5;
    private static final double CONTINUED_SUPPORT_HOURS = 1.0;
    private static final int MINUTES_PER_HOUR = 60;

    private static final double POSITIVE_DEVELOPMENT_SHARE = 0.25;
    private static final int FEWER_HOURS_CHANGES = 5;
    private static final int OTHER_EMPLOYER_CHANGES = 3;
    private static final int FEWER_TASKS_CHANGES = 2;

    private static final double MEAN_CONTRACT_HOURS = 24;
    private static final double SD_CONTRACT_HOURS = 6;
    private static final double MIN_CONTRACT_HOURS = 8;
    private static final double MAX_CONTRACT_HOURS = 38;

    private static final int MIN_AGE = 18;
    private static final int MAX_AGE = 35;
    /** Ages are 35 minus a half-normal draw with this spread, which gives a mean of about 30. */
    private static final double AGE_SPREAD = 6.3;

    private static final double NOTE_SHARE = 0.85;
    private static final double EMAIL_SHARE = 0.3;
    private static final double PHONE_SHARE = 0.35;

    private static final int APELDOORN = 0;
    private static final int DEMO_COACH = 0;
    private static final int DEMO_COACH_2 = 1;
    private static final int DEMO_COACH_CASELOAD = 8;
    private static final int DEMO_COACH_2_CASELOAD = 6;

    /** A coaching organisation: its coaches, its employers, where they are and who commissions its trajectories. */
    private record OrganisationSeed(String name, String city, String domain, int coaches, int employers,
            List<String> cities, int[] commissionerWeights) {
    }

    /** Commissioner weights in the order Gemeente Apeldoorn, Gemeente Arnhem, UWV. */
    private static final List<OrganisationSeed> ORGANISATIONS = List.of(
            new OrganisationSeed("Werkfit Jobcoaching", "Apeldoorn", "werkfit.example", 30, 36,
                    List.of("Apeldoorn", "Deventer", "Epe", "Voorst"), new int[] {60, 0, 40}),
            new OrganisationSeed("Odibaan Begeleiding", "Arnhem", "odibaan.example", 22, 26,
                    List.of("Arnhem", "Rheden", "Duiven", "Renkum"), new int[] {0, 60, 40}),
            new OrganisationSeed("Stapsteen Jobcoaching", "Ede", "stapsteen.example", 18, 21,
                    List.of("Ede", "Wageningen", "Barneveld", "Veenendaal"), new int[] {15, 35, 50}),
            new OrganisationSeed("Koers op Werk", "Zutphen", "koersopwerk.example", 14, 17,
                    List.of("Zutphen", "Lochem", "Brummen", "Doesburg"), new int[] {50, 0, 50}));

    private static final List<Commissioner> COMMISSIONERS = List.of(
            new Commissioner("Gemeente Apeldoorn", "MUNICIPALITY"),
            new Commissioner("Gemeente Arnhem", "MUNICIPALITY"),
            new Commissioner("UWV", "UWV"));

    /** How the caseloads of the other 82 coaches are spread: most coach one or two employees, as in the study. */
    private static final Map<Integer, Integer> OTHER_CASELOADS = Map.of(3, 4, 2, 30, 1, 48);

    /** The course a trajectory takes, which fixes its phase history. */
    private enum Course {
        ON_THE_JOB(76), FOUND_JOB(10), STILL_SEARCHING(5), PHASING_OUT(14), CONTINUED_SUPPORT(8),
        BACK_TO_COACHING(3), REOPENED(2), JOB_LOST(10), WITHDRAWN(2), OTHER_WORK(1), COACHING_NO_LONGER_NEEDED(2),
        CLOSED_OTHER(1);

        final int count;

        Course(int count) {
            this.count = count;
        }
    }

    private static final List<Course> DEMO_COACH_COURSES = List.of(Course.ON_THE_JOB, Course.ON_THE_JOB,
            Course.FOUND_JOB, Course.ON_THE_JOB, Course.STILL_SEARCHING, Course.PHASING_OUT, Course.ON_THE_JOB,
            Course.CONTINUED_SUPPORT);
    private static final List<Course> DEMO_COACH_2_COURSES = List.of(Course.ON_THE_JOB, Course.PHASING_OUT,
            Course.ON_THE_JOB, Course.COACHING_NO_LONGER_NEEDED, Course.BACK_TO_COACHING, Course.ON_THE_JOB);

    private enum Mode {
        WORKPLACE_VISIT(45, 120), HOME_VISIT(45, 90), OFFICE(30, 90), VIDEO(20, 60), PHONE(15, 45), MESSAGE(15, 20);

        private static final int STEP = 5;
        final int shortest;
        final int longest;

        Mode(int shortest, int longest) {
            this.shortest = shortest;
            this.longest = longest;
        }

        int minutes(Dice dice) {
            return dice.between(shortest / STEP, longest / STEP) * STEP;
        }
    }

    private static final List<String> PARTIES_ON_THE_JOB =
            List.of("EMPLOYEE", "EMPLOYER", "COLLEAGUES", "CARE_PROVIDER", "RELATIVES");
    private static final int[] PARTY_WEIGHTS_ON_THE_JOB = {62, 20, 5, 8, 5};
    private static final List<String> PARTIES_JOB_SEARCH = List.of("EMPLOYEE", "CARE_PROVIDER", "RELATIVES");
    private static final int[] PARTY_WEIGHTS_JOB_SEARCH = {85, 10, 5};

    private static final List<String> EMPLOYEE_THEMES = List.of("LIMITS", "STRESS", "WORK_LIFE_BALANCE",
            "COMMUNICATION", "VULNERABILITY", "DISCLOSURE", "CHANGES_EVENTS", "DEBTS", "PRACTICAL_ARRANGEMENTS",
            "SELF_MANAGEMENT", "GROWTH");
    private static final int[] EMPLOYEE_THEME_WEIGHTS_EARLY = {18, 16, 10, 14, 8, 8, 6, 3, 10, 6, 3};
    private static final int[] EMPLOYEE_THEME_WEIGHTS_LATER = {16, 14, 10, 12, 7, 4, 8, 3, 5, 10, 11};
    private static final int MONTH_OF_GROWTH = 4;
    private static final List<String> EMPLOYER_THEMES = List.of("DEALING_WITH_EMPLOYEE", "ADJUSTMENTS",
            "REGULATIONS");
    private static final int[] EMPLOYER_THEME_WEIGHTS = {50, 35, 15};
    private static final List<String> JOB_SEARCH_SIDE_THEMES = List.of("LIMITS", "SELF_MANAGEMENT",
            "PRACTICAL_ARRANGEMENTS", "DEBTS");

    private final Dice dice;
    private final DemoMeasurements measurements;
    private final LocalDate today;
    private final ZonedDateTime now;

    private final List<Organisation> organisations = new ArrayList<>();
    private final List<Employer> employers = new ArrayList<>();
    private final List<List<Integer>> employersByOrganisation = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Integer> coachOrganisation = new ArrayList<>();
    private final List<Integer> managerOfOrganisation = new ArrayList<>();
    private final List<Employee> employees = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();

    /**
     * The measurements draw from dice of their own, so that adding them left the rest of the cohort as it was; both
     * dice are seeded, so the cohort is still the same on every start.
     */
    DemoCohortGenerator(Dice dice, Dice measurementDice, ZonedDateTime now) {
        this.dice = dice;
        this.now = now;
        this.today = now.toLocalDate();
        this.measurements = new DemoMeasurements(measurementDice, today);
    }

    DemoCohort generate() {
        addOrganisationsAndEmployers();
        addUsers();
        List<TrajectoryDraft> drafts = draftTrajectories();
        addJobChanges(drafts);
        List<Trajectory> trajectories = drafts.stream().map(this::complete).toList();
        return new DemoCohort(List.copyOf(organisations), COMMISSIONERS, List.copyOf(employers), List.copyOf(users),
                List.copyOf(employees), trajectories);
    }

    // --- organisations, employers, accounts ---------------------------------------------------------------------

    private void addOrganisationsAndEmployers() {
        Set<String> employerNames = new HashSet<>();
        for (int index = 0; index < ORGANISATIONS.size(); index++) {
            OrganisationSeed seed = ORGANISATIONS.get(index);
            organisations.add(new Organisation(seed.name(), seed.city()));
            List<Integer> own = new ArrayList<>();
            for (int n = 0; n < seed.employers(); n++) {
                own.add(employers.size());
                employers.add(newEmployer(index, seed, employerNames));
            }
            employersByOrganisation.add(own);
        }
    }

    private Employer newEmployer(int organisation, OrganisationSeed seed, Set<String> takenNames) {
        while (true) {
            Sector sector = dice.pick(DemoNames.SECTORS, DemoNames.SECTOR_WEIGHTS);
            String city = dice.pick(seed.cities());
            String name = dice.pick(sector.employerNames())
                    .replace("{place}", dice.pick(DemoNames.PLACE_NAMES))
                    .replace("{surname}", capitalise(dice.pick(DemoNames.LAST_NAMES)))
                    .replace("{city}", city);
            if (takenNames.add(name)) {
                return new Employer(organisation, name, city, sector.name());
            }
        }
    }

    private void addUsers() {
        for (int index = 0; index < ORGANISATIONS.size(); index++) {
            for (int n = 0; n < ORGANISATIONS.get(index).coaches(); n++) {
                coachOrganisation.add(index);
            }
        }
        usedNames.add("Sanne de Vries");
        usedNames.add("Mohamed El Amrani");
        for (int coach = 0; coach < COACHES; coach++) {
            String username = switch (coach) {
                case DEMO_COACH -> "coach";
                case DEMO_COACH_2 -> "coach2";
                default -> "coach%03d".formatted(coach + 1);
            };
            String displayName = switch (coach) {
                case DEMO_COACH -> "Sanne de Vries";
                case DEMO_COACH_2 -> "Mohamed El Amrani";
                default -> uniqueStaffName();
            };
            addStaff(username, displayName, "COACH", coachOrganisation.get(coach));
        }
        for (int index = 0; index < ORGANISATIONS.size(); index++) {
            managerOfOrganisation.add(users.size());
            String username = index == 0 ? "manager" : "manager" + (index + 1);
            String displayName = index == 0 ? "Petra Hendriks" : uniqueStaffName();
            addStaff(username, displayName, "MANAGER", index);
        }
        users.add(new User("gemeente", "Karin Bosman", "k.bosman@apeldoorn.example", "COMMISSIONER", null,
                APELDOORN));
        users.add(new User("onderzoeker", "Lotte Verbeek", "l.verbeek@onderzoek.example", "RESEARCHER", null, null));
        users.add(new User("admin", "Functioneel beheer", "beheer@jobcoachmonitor.example", "ADMIN", null, null));
        // The privacy officer of the demo organisation (the organisation of "coach" and "manager").
        users.add(new User("privacy", "Ingrid Koster", "privacy@" + ORGANISATIONS.get(0).domain(), "PRIVACY_OFFICER",
                0, null));
    }

    private void addStaff(String username, String displayName, String role, int organisation) {
        String email = mailName(displayName) + "@" + ORGANISATIONS.get(organisation).domain();
        users.add(new User(username, displayName, email, role, organisation, null));
    }

    private String uniqueStaffName() {
        while (true) {
            String name = dice.pick(DemoNames.FIRST_NAMES) + " " + dice.pick(DemoNames.LAST_NAMES);
            if (usedNames.add(name)) {
                return name;
            }
        }
    }

    // --- trajectories -------------------------------------------------------------------------------------------

    private List<TrajectoryDraft> draftTrajectories() {
        List<Integer> caseloads = new ArrayList<>();
        OTHER_CASELOADS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> caseloads.addAll(Collections.nCopies(entry.getValue(), entry.getKey())));
        dice.shuffle(caseloads);
        List<Course> otherCourses = otherCourses();

        List<TrajectoryDraft> drafts = new ArrayList<>();
        for (int coach = 0; coach < COACHES; coach++) {
            List<Course> courses = switch (coach) {
                case DEMO_COACH -> DEMO_COACH_COURSES;
                case DEMO_COACH_2 -> DEMO_COACH_2_COURSES;
                default -> {
                    int from = drafts.size() - DEMO_COACH_CASELOAD - DEMO_COACH_2_CASELOAD;
                    yield otherCourses.subList(from, from + caseloads.get(coach - 2));
                }
            };
            for (Course course : courses) {
                drafts.add(draft(coach, course));
            }
        }
        if (drafts.size() != TRAJECTORIES) {
            throw new IllegalStateException("Drafted " + drafts.size() + " trajectories");
        }
        return drafts;
    }

    /** The courses left for the other coaches once the demo coaches have theirs, in random order. */
    private List<Course> otherCourses() {
        Map<Course, Integer> left = new EnumMap<>(Course.class);
        for (Course course : Course.values()) {
            left.put(course, course.count);
        }
        DEMO_COACH_COURSES.forEach(course -> left.merge(course, -1, Integer::sum));
        DEMO_COACH_2_COURSES.forEach(course -> left.merge(course, -1, Integer::sum));
        List<Course> courses = new ArrayList<>();
        left.forEach((course, count) -> courses.addAll(Collections.nCopies(count, course)));
        dice.shuffle(courses);
        return courses;
    }

    private TrajectoryDraft draft(int coach, Course course) {
        int organisation = coachOrganisation.get(coach);
        TrajectoryDraft draft = new TrajectoryDraft(course, coach, organisation);
        draft.employee = addEmployee(organisation);
        draft.commissioner = dice.weightedIndex(ORGANISATIONS.get(organisation).commissionerWeights());
        draft.intensity = course == Course.JOB_LOST ? dice.uniform(0.65, 0.95) : dice.uniform(0.8, 1.2);
        draft.startedOn = today.minusDays(startDaysAgo(course));
        draft.phases.addAll(phases(course, draft.startedOn));
        LocalDate coachingStart = draft.coachingStart();
        if (coachingStart != null) {
            draft.employer = dice.pick(employersByOrganisation.get(organisation));
            LocalDate jobStart = course != Course.FOUND_JOB && dice.chance(0.5)
                    ? coachingStart.minusDays(dice.between(30, 180)) : coachingStart;
            draft.job = new Job(jobTitle(draft.employer), contractHours(), contractType(), jobStart);
            draft.initialHours = draft.job.contractHours();
        }
        return draft;
    }

    private int addEmployee(int organisation) {
        String firstName = dice.pick(DemoNames.FIRST_NAMES);
        String lastName = dice.pick(DemoNames.LAST_NAMES);
        int age = Math.max(MIN_AGE, MAX_AGE - (int) Math.round(Math.abs(dice.gaussian(0, AGE_SPREAD))));
        LocalDate birthDate = today.minusYears(age).minusDays(dice.between(0, 364));
        String email = dice.chance(EMAIL_SHARE) ? plain(firstName) + "." + plain(lastName) + "@example.com"
                : null;
        String phone = dice.chance(PHONE_SHARE) ? "06-" + dice.between(10_000_000, 99_999_999) : null;
        employees.add(new Employee(organisation, firstName, lastName, birthDate, email, phone));
        return employees.size() - 1;
    }

    private int startDaysAgo(Course course) {
        return switch (course) {
            case STILL_SEARCHING -> dice.between(90, 150);
            case FOUND_JOB -> dice.between(150, 420);
            case ON_THE_JOB -> dice.between(90, 425);
            case PHASING_OUT -> dice.between(270, 425);
            case CONTINUED_SUPPORT, BACK_TO_COACHING, COACHING_NO_LONGER_NEEDED -> dice.between(330, 425);
            case REOPENED -> dice.between(380, 425);
            case JOB_LOST, CLOSED_OTHER -> dice.between(120, 425);
            case WITHDRAWN -> dice.between(100, 425);
            case OTHER_WORK -> dice.between(150, 425);
        };
    }

    /** The phase history of a course; every jump is one the application allows. */
    private List<PhaseStep> phases(Course course, LocalDate start) {
        Timeline timeline = new Timeline();
        if (course == Course.STILL_SEARCHING || course == Course.FOUND_JOB) {
            timeline.start("JOB_SEARCH", start);
            if (course == Course.FOUND_JOB) {
                timeline.to("COACHING", start.plusDays(dice.between(30, 90)));
            }
            return timeline.check(today);
        }
        timeline.start("COACHING", start);
        int daysAvailable = (int) ChronoUnit.DAYS.between(start, today) - 5;
        LocalDate phaseOut = start.plusMonths(7).plusDays(dice.between(0, 14));
        switch (course) {
            case PHASING_OUT -> timeline.to("PHASE_OUT",
                    dice.date(start.plusMonths(7), min(start.plusMonths(10), today.minusDays(7))));
            case CONTINUED_SUPPORT -> timeline.to("PHASE_OUT", phaseOut)
                    .to("CONTINUED_SUPPORT", phaseOut.plusDays(dice.between(30, 60)));
            case BACK_TO_COACHING -> timeline.to("PHASE_OUT", phaseOut)
                    .to("COACHING", phaseOut.plusDays(dice.between(30, 60)));
            case COACHING_NO_LONGER_NEEDED -> timeline.to("PHASE_OUT", phaseOut)
                    .close(phaseOut.plusDays(dice.between(30, 60)), "JOB_KEPT_COACHING_NO_LONGER_NEEDED");
            case REOPENED -> {
                LocalDate closed = phaseOut.plusDays(dice.between(30, 45));
                timeline.to("PHASE_OUT", phaseOut).close(closed, "JOB_KEPT_COACHING_NO_LONGER_NEEDED")
                        .to("CONTINUED_SUPPORT", closed.plusDays(dice.between(40, 70)));
            }
            case JOB_LOST -> timeline.close(start.plusDays(dice.between(60, Math.min(240, daysAvailable))),
                    "JOB_LOST");
            case WITHDRAWN -> timeline.close(start.plusDays(dice.between(30, Math.min(150, daysAvailable))),
                    "WITHDRAWN");
            case OTHER_WORK -> timeline.close(start.plusDays(dice.between(120, Math.min(270, daysAvailable))),
                    "OTHER_WORK");
            case CLOSED_OTHER -> timeline.close(start.plusDays(dice.between(90, Math.min(180, daysAvailable))),
                    "OTHER");
            default -> {
                // stays in coaching on the job
            }
        }
        return timeline.check(today);
    }

    private String jobTitle(int employer) {
        String sectorName = employers.get(employer).sector();
        Sector sector = DemoNames.SECTORS.stream().filter(s -> s.name().equals(sectorName)).findFirst()
                .orElseThrow();
        return dice.pick(sector.jobTitles());
    }

    private BigDecimal contractHours() {
        double hours = Math.max(MIN_CONTRACT_HOURS,
                Math.min(MAX_CONTRACT_HOURS, dice.gaussian(MEAN_CONTRACT_HOURS, SD_CONTRACT_HOURS)));
        double rounded = dice.chance(0.75) ? Math.round(hours) : Math.round(hours * 2) / 2.0;
        return BigDecimal.valueOf(rounded).setScale(1);
    }

    private String contractType() {
        return dice.pick(List.of("TEMPORARY", "PERMANENT", "ON_CALL", "TRAINEESHIP"), 45, 25, 15, 15);
    }

    // --- job changes --------------------------------------------------------------------------------------------

    /** About a quarter of the employees with a job develop positively (study); a few lose hours or move. */
    private void addJobChanges(List<TrajectoryDraft> drafts) {
        long withJob = drafts.stream().filter(draft -> draft.job != null).count();
        List<TrajectoryDraft> candidates = new ArrayList<>(drafts.stream()
                .filter(draft -> draft.job != null && developmentWindow(draft) != null)
                .filter(draft -> draft.course != Course.JOB_LOST && draft.course != Course.WITHDRAWN)
                .toList());
        dice.shuffle(candidates);
        // The demo coach shows at least one positive development.
        candidates.stream().filter(draft -> draft.coach == DEMO_COACH).findFirst().ifPresent(draft -> {
            candidates.remove(draft);
            candidates.add(0, draft);
        });
        int positives = (int) Math.round(POSITIVE_DEVELOPMENT_SHARE * withJob);
        candidates.subList(0, positives).forEach(this::addPositiveChange);

        List<TrajectoryDraft> others = new ArrayList<>(candidates.subList(positives, candidates.size()));
        drafts.stream().filter(draft -> draft.course == Course.JOB_LOST && developmentWindow(draft) != null)
                .forEach(others::add);
        dice.shuffle(others);
        int next = 0;
        for (int n = 0; n < FEWER_HOURS_CHANGES; n++) {
            addFewerHours(others.get(next++));
        }
        for (int n = 0; n < OTHER_EMPLOYER_CHANGES; n++) {
            addOtherEmployer(others.get(next++));
        }
        for (int n = 0; n < FEWER_TASKS_CHANGES; n++) {
            addFewerTasks(others.get(next++));
        }
    }

    /** Job changes fall in months 2 to 6 of coaching on the job, before it ends and before today. */
    private DateRange developmentWindow(TrajectoryDraft draft) {
        LocalDate coachingStart = draft.coachingStart();
        LocalDate first = coachingStart.plusMonths(2);
        LocalDate last = min(min(coachingStart.plusMonths(6), draft.coachingEnd(today).minusDays(1)), today);
        return first.isAfter(last) ? null : new DateRange(first, last);
    }

    private void addPositiveChange(TrajectoryDraft draft) {
        LocalDate on = developmentWindow(draft).draw(dice);
        Job job = draft.job;
        String kind = dice.pick(List.of("MORE_HOURS", "NEW_TASKS", "BETTER_CONTRACT"), 45, 35, 20);
        if (kind.equals("MORE_HOURS") && job.contractHours().doubleValue() <= MAX_CONTRACT_HOURS - 4) {
            double more = dice.pick(List.of(4, 4, 6, 8));
            BigDecimal hours = BigDecimal.valueOf(Math.min(MAX_CONTRACT_HOURS, job.contractHours().doubleValue()
                    + more)).setScale(1);
            draft.record(new JobChange(on, kind, null, hours, null, null,
                    "Uitbreiding naar " + hours.stripTrailingZeros().toPlainString() + " uur per week"));
        } else if (kind.equals("BETTER_CONTRACT") && !job.contractType().equals("PERMANENT")) {
            String better = job.contractType().equals("TEMPORARY") ? "PERMANENT" : "TEMPORARY";
            String note = better.equals("PERMANENT") ? "Vast contract gekregen" : "Jaarcontract gekregen";
            draft.record(new JobChange(on, kind, null, null, better, null, note));
        } else {
            draft.record(new JobChange(on, "NEW_TASKS", null, null, null, null,
                    dice.pick(DemoNames.NEW_TASK_NOTES)));
        }
    }

    private void addFewerHours(TrajectoryDraft draft) {
        LocalDate on = developmentWindow(draft).draw(dice);
        BigDecimal hours = BigDecimal.valueOf(Math.max(MIN_CONTRACT_HOURS,
                draft.job.contractHours().doubleValue() - 4)).setScale(1);
        if (hours.compareTo(draft.job.contractHours()) < 0) {
            draft.record(new JobChange(on, "FEWER_HOURS", null, hours, null, null,
                    "Op eigen verzoek minder uren vanwege belastbaarheid"));
        } else {
            addFewerTasks(draft);
        }
    }

    private void addOtherEmployer(TrajectoryDraft draft) {
        LocalDate on = developmentWindow(draft).draw(dice);
        List<Integer> choices = new ArrayList<>(employersByOrganisation.get(draft.organisation));
        choices.remove(draft.employer);
        int employer = dice.pick(choices);
        draft.record(new JobChange(on, "OTHER_EMPLOYER", jobTitle(employer), null, null, employer,
                "Overgestapt naar een werkgever die beter past"));
    }

    private void addFewerTasks(TrajectoryDraft draft) {
        LocalDate on = developmentWindow(draft).draw(dice);
        draft.record(new JobChange(on, "FEWER_TASKS", null, null, null, null,
                "Takenpakket tijdelijk versmald om overbelasting te voorkomen"));
    }

    // --- contacts -----------------------------------------------------------------------------------------------

    private Trajectory complete(TrajectoryDraft draft) {
        List<Contact> contacts = contacts(draft);
        PhaseStep last = draft.phases.get(draft.phases.size() - 1);
        boolean closed = last.toPhase().equals("CLOSED");
        return new Trajectory(draft.employee, draft.organisation, draft.coach,
                managerOfOrganisation.get(draft.organisation), draft.commissioner, draft.employer, last.toPhase(),
                closed ? last.closingReason() : null, draft.startedOn, closed ? last.changedOn() : null, draft.job,
                List.copyOf(draft.phases), List.copyOf(draft.jobChanges), contacts,
                measurements.waves(new DemoMeasurements.Course(draft.coachingStart(),
                        closed ? last.changedOn() : null, closed ? last.closingReason() : null, draft.intensity,
                        draft.initialHours, List.copyOf(draft.jobChanges))));
    }

    /** Contacts in every phase but closed, month by month, up to and including today. */
    private List<Contact> contacts(TrajectoryDraft draft) {
        List<Contact> contacts = new ArrayList<>();
        for (int index = 0; index < draft.phases.size(); index++) {
            PhaseStep step = draft.phases.get(index);
            LocalDate until = index + 1 < draft.phases.size()
                    ? draft.phases.get(index + 1).changedOn() : today.plusDays(1);
            if (!step.toPhase().equals("CLOSED")) {
                LocalDate reference = step.toPhase().equals("JOB_SEARCH") ? draft.startedOn : draft.coachingStart();
                addContacts(draft, step.toPhase(), reference, step.changedOn(), until, contacts);
            }
        }
        if (draft.coach == DEMO_COACH) {
            ensureContactThisMonth(draft, contacts);
        }
        contacts.sort(Comparator.comparing(Contact::contactOn).thenComparing(Contact::loggedAt));
        return List.copyOf(contacts);
    }

    /**
     * Fills each month after {@code reference} that overlaps {@code [from, until)} with contacts, up to the hours of
     * that month of the phase (pro rata for a partly covered month).
     */
    private void addContacts(TrajectoryDraft draft, String phase, LocalDate reference, LocalDate from,
            LocalDate until, List<Contact> contacts) {
        for (int month = 0; reference.plusMonths(month).isBefore(until); month++) {
            LocalDate monthStart = reference.plusMonths(month);
            LocalDate monthEnd = reference.plusMonths(month + 1);
            LocalDate first = max(monthStart, from);
            LocalDate end = min(monthEnd, until);
            if (!first.isBefore(end)) {
                continue;
            }
            double coverage = (double) ChronoUnit.DAYS.between(first, end)
                    / ChronoUnit.DAYS.between(monthStart, monthEnd);
            double budget = hoursPerMonth(phase, month) * draft.intensity * MINUTES_PER_HOUR * coverage;
            fillMonth(phase, month, new DateRange(first, end.minusDays(1)), budget, contacts);
        }
    }

    private static double hoursPerMonth(String phase, int month) {
        double coaching = month < COACHING_HOURS.length ? COACHING_HOURS[month] : LATER_HOURS;
        return switch (phase) {
            case "JOB_SEARCH" -> JOB_SEARCH_HOURS;
            case "PHASE_OUT" -> coaching * PHASE_OUT_SHARE;
            case "CONTINUED_SUPPORT" -> CONTINUED_SUPPORT_HOURS;
            default -> coaching;
        };
    }

    /** Adds contacts while the next one brings the month closer to its budget of minutes. */
    private void fillMonth(String phase, int month, DateRange days, double budget, List<Contact> contacts) {
        int spent = 0;
        while (true) {
            String party = party(phase);
            Mode mode = mode(party, phase);
            int minutes = mode.minutes(dice);
            if (spent + minutes / 2.0 > budget) {
                return;
            }
            contacts.add(contact(party, mode, minutes, phase, month, days.drawWorkingDay(dice)));
            spent += minutes;
        }
    }

    private void ensureContactThisMonth(TrajectoryDraft draft, List<Contact> contacts) {
        String phase = draft.phases.get(draft.phases.size() - 1).toPhase();
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        boolean hasOne = contacts.stream().anyMatch(contact -> !contact.contactOn().isBefore(firstOfMonth));
        if (!phase.equals("CLOSED") && !hasOne) {
            DateRange days = new DateRange(max(firstOfMonth, draft.phases.get(draft.phases.size() - 1).changedOn()),
                    today);
            Mode mode = mode("EMPLOYEE", phase);
            contacts.add(contact("EMPLOYEE", mode, mode.minutes(dice), phase, 0, days.drawWorkingDay(dice)));
        }
    }

    private Contact contact(String party, Mode mode, int minutes, String phase, int month, LocalDate on) {
        List<String> themes = themes(party, phase, month);
        String note = null;
        if (dice.chance(NOTE_SHARE)) {
            note = party.equals("COLLEAGUES") ? dice.pick(DemoNames.COLLEAGUE_NOTES)
                    : dice.pick(DemoNames.NOTES.get(themes.get(0)));
        }
        return new Contact(on, minutes, party, mode.name(), note, loggedAt(on, minutes), themes);
    }

    private String party(String phase) {
        return phase.equals("JOB_SEARCH") ? dice.pick(PARTIES_JOB_SEARCH, PARTY_WEIGHTS_JOB_SEARCH)
                : dice.pick(PARTIES_ON_THE_JOB, PARTY_WEIGHTS_ON_THE_JOB);
    }

    /** Workplace visits are long, phone calls and messages short. */
    private Mode mode(String party, String phase) {
        List<Mode> modes = List.of(Mode.values());
        return switch (party) {
            case "EMPLOYEE" -> phase.equals("JOB_SEARCH")
                    ? dice.pick(modes, 0, 5, 40, 15, 25, 15)
                    : dice.pick(modes, 35, 5, 20, 10, 20, 10);
            case "EMPLOYER" -> dice.pick(modes, 40, 0, 0, 10, 45, 5);
            case "COLLEAGUES" -> dice.pick(modes, 85, 0, 0, 0, 15, 0);
            case "CARE_PROVIDER" -> dice.pick(modes, 0, 0, 10, 30, 60, 0);
            default -> dice.pick(modes, 0, 15, 0, 0, 70, 15);
        };
    }

    private List<String> themes(String party, String phase, int month) {
        return switch (party) {
            case "EMPLOYEE" -> phase.equals("JOB_SEARCH") ? jobSearchThemes() : employeeThemes(month);
            case "EMPLOYER" -> distinct(dice.pick(List.of(1, 2), 70, 30), EMPLOYER_THEMES, EMPLOYER_THEME_WEIGHTS);
            case "COLLEAGUES" -> List.of("DEALING_WITH_EMPLOYEE");
            case "CARE_PROVIDER" -> List.of("CARE_COORDINATION");
            default -> List.of("RELATIVES");
        };
    }

    private List<String> jobSearchThemes() {
        return dice.chance(0.3) ? List.of("JOB_SEARCH", dice.pick(JOB_SEARCH_SIDE_THEMES)) : List.of("JOB_SEARCH");
    }

    private List<String> employeeThemes(int month) {
        int[] weights = month < MONTH_OF_GROWTH ? EMPLOYEE_THEME_WEIGHTS_EARLY : EMPLOYEE_THEME_WEIGHTS_LATER;
        return distinct(dice.pick(List.of(1, 2, 3), 50, 35, 15), EMPLOYEE_THEMES, weights);
    }

    private List<String> distinct(int count, List<String> themes, int[] weights) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(dice.pick(themes, weights));
        }
        return List.copyOf(chosen);
    }

    /** Logged after the contact during office hours, sometimes the next morning; never in the future. */
    private OffsetDateTime loggedAt(LocalDate on, int minutes) {
        ZonedDateTime at = on.atTime(dice.between(8, 15), dice.between(0, 59)).atZone(now.getZone())
                .plusMinutes(minutes);
        if (dice.chance(0.15)) {
            at = at.plusDays(1).withHour(9);
        }
        return (at.isAfter(now) ? now : at).toOffsetDateTime();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String capitalise(String surname) {
        return Character.toUpperCase(surname.charAt(0)) + surname.substring(1);
    }

    /** "Sanne de Vries" becomes "s.devries". */
    private static String mailName(String displayName) {
        int space = displayName.indexOf(' ');
        return plain(displayName.substring(0, 1)) + "." + plain(displayName.substring(space + 1));
    }

    /** Lower case, without spaces, accents or punctuation: "El Idrissi" becomes "elidrissi". */
    private static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase();
    }

    /** Days from {@code first} to {@code last}, both included. */
    private record DateRange(LocalDate first, LocalDate last) {

        private static final int ATTEMPTS = 10;

        LocalDate draw(Dice dice) {
            return dice.date(first, last);
        }

        /** A weekday, unless the range (almost) only holds a weekend. */
        LocalDate drawWorkingDay(Dice dice) {
            LocalDate day = draw(dice);
            for (int attempt = 0; attempt < ATTEMPTS && isWeekend(day); attempt++) {
                day = draw(dice);
            }
            return day;
        }

        private static boolean isWeekend(LocalDate day) {
            return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        }
    }

    /** Builds a phase history, closing with a reason where needed. */
    private static final class Timeline {

        private final List<PhaseStep> steps = new ArrayList<>();

        Timeline start(String phase, LocalDate on) {
            steps.add(new PhaseStep(null, phase, on, null));
            return this;
        }

        Timeline to(String phase, LocalDate on) {
            steps.add(new PhaseStep(current(), phase, on, null));
            return this;
        }

        Timeline close(LocalDate on, String reason) {
            steps.add(new PhaseStep(current(), "CLOSED", on, reason));
            return this;
        }

        private String current() {
            return steps.get(steps.size() - 1).toPhase();
        }

        List<PhaseStep> check(LocalDate today) {
            for (int index = 1; index < steps.size(); index++) {
                if (!steps.get(index).changedOn().isAfter(steps.get(index - 1).changedOn())) {
                    throw new IllegalStateException("Phase history out of order: " + steps);
                }
            }
            if (steps.get(steps.size() - 1).changedOn().isAfter(today)) {
                throw new IllegalStateException("Phase change in the future: " + steps);
            }
            return steps;
        }
    }

    /** A trajectory while it is drawn: phases first, then job changes, then contacts. */
    private static final class TrajectoryDraft {

        final Course course;
        final int coach;
        final int organisation;
        int employee;
        int commissioner;
        Integer employer;
        double intensity;
        BigDecimal initialHours;
        LocalDate startedOn;
        Job job;
        final List<PhaseStep> phases = new ArrayList<>();
        final List<JobChange> jobChanges = new ArrayList<>();

        TrajectoryDraft(Course course, int coach, int organisation) {
            this.course = course;
            this.coach = coach;
            this.organisation = organisation;
        }

        /** The day coaching on the job began, or null while the employee is still looking for a job. */
        LocalDate coachingStart() {
            return phases.stream().filter(step -> step.toPhase().equals("COACHING")).map(PhaseStep::changedOn)
                    .findFirst().orElse(null);
        }

        /** The first day after the first period of coaching on the job (tomorrow if it still runs). */
        LocalDate coachingEnd(LocalDate today) {
            LocalDate start = coachingStart();
            return phases.stream().filter(step -> step.changedOn().isAfter(start))
                    .filter(step -> !step.toPhase().equals("COACHING")).map(PhaseStep::changedOn).findFirst()
                    .orElse(today.plusDays(1));
        }

        /** Records a job change; the job follows it, as in the application. */
        void record(JobChange change) {
            jobChanges.add(change);
            boolean otherEmployer = change.kind().equals("OTHER_EMPLOYER");
            job = new Job(
                    change.jobTitle() != null ? change.jobTitle() : job.title(),
                    change.contractHours() != null ? change.contractHours() : job.contractHours(),
                    change.contractType() != null ? change.contractType() : job.contractType(),
                    otherEmployer ? change.changedOn() : job.startedOn());
            if (change.employer() != null) {
                employer = change.employer();
            }
        }
    }
}

package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import nl.jobcoachmonitor.JobcoachMonitorApplication;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * No health information reaches an accountability report: contacts get notes and reasons full of health words, the
 * coach's questionnaire gets health answers (mental health, addiction, GGZ), and neither the health-free view, nor
 * the stored report, nor its rendered page or PDF contains any of it. Runs on the real application and database
 * (started once for the container; jqwik has no Spring test support).
 */
@Tag("database")
class HealthFreeReportPropertyTests {

    static final List<String> HEALTH_WORDS = List.of("depressie", "psychose", "angststoornis", "medicatie",
            "burn-out", "suïcidaal", "opname", "ADHD", "autisme", "bipolair", "paniekaanvallen", "antidepressiva");

    /** The labels and codes of the health answers of the coach's questionnaire. */
    static final List<String> ANSWER_TEXTS = List.of("Psychische gezondheid", "mental_health", "Verslaving",
            "addiction", "Lichamelijke gezondheid", "physical_health", "Geestelijke gezondheidszorg", "GGZ",
            "mental_health_care", "Huisarts", "general_practitioner");

    static ConfigurableApplicationContext app;

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(JobcoachMonitorApplication.class).profiles("test")
                .properties("server.port=0").run();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Provide
    Arbitrary<String> notes() {
        Arbitrary<String> word = Arbitraries.of(HEALTH_WORDS);
        Arbitrary<String> marker = Arbitraries.strings().withCharRange('a', 'z').ofLength(8).map(s -> "qx" + s);
        return Combinators.combine(word, word, marker).as((a, b, m) -> m + " " + a + " en " + b + " " + m);
    }

    @Provide
    Arbitrary<List<String>> noteLists() {
        return notes().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> lifeDomains() {
        return Arbitraries.of("mental_health", "addiction", "physical_health", "debts").set().ofMinSize(1)
                .map(ArrayList::new);
    }

    @Provide
    Arbitrary<List<String>> careProviders() {
        return Arbitraries.of("mental_health_care", "general_practitioner", "debt_counselling").set().ofMinSize(1)
                .map(ArrayList::new);
    }

    @Property(tries = 12)
    void noHealthWordNoteOrAnswerReachesTheReport(@ForAll("noteLists") List<String> notes,
            @ForAll("notes") String reason, @ForAll("lifeDomains") List<String> domains,
            @ForAll("careProviders") List<String> providers) throws Exception {
        var coach = (CurrentUser) app.getBean(UserDetailsService.class).loadUserByUsername(PlanCoach.ensure(app.getBean(JdbcClient.class)));
        var jdbc = app.getBean(JdbcClient.class);
        LocalDate start = LocalDate.now().minusDays(10);
        long trajectory = startTrajectory(coach, jdbc, start);
        var plans = app.getBean(PlanManagement.class);
        long goal = plans.addGoal(coach, trajectory, new GoalForm("Ik wil mijn werk volhouden", Set.of(), true, true,
                LocalDate.now().plusMonths(3)));
        var contacts = app.getBean(ContactManagement.class);
        int day = 0;
        for (String note : notes) {
            contacts.log(coach, trajectory, new LogContactForm(start.plusDays(day++ % 8), 45, Party.EMPLOYEE,
                    ContactMode.OFFICE, Set.of(Theme.VULNERABILITY, Theme.CARE_COORDINATION), note, reason,
                    Set.of(goal)));
        }
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", trajectory).query(Long.class).single();
        app.getBean(MeasurementManagement.class).submit(coach, trajectory, wave, Respondent.COACH,
                Map.of("job_fit", 7, "rapport_coach", 4, "employer_support", 3, "life_domains", domains,
                        "care_providers", providers, "care_coordination", 3, "care_conflict", "yes", "expected_retention", 4,
                        "hours_sufficient", "enough"));

        var accountability = app.getBean(AccountabilityManagement.class);
        long reportId = accountability.generate(coach, trajectory, start);
        var report = accountability.report(coach, trajectory, reportId);
        var view = app.getBean(HealthFreeView.class).of(trajectory, start, start.plusMonths(6));
        var context = new Context(Locale.forLanguageTag("nl"));
        context.setVariable("report", report);
        String html = app.getBean(ITemplateEngine.class).process("plan/report-print", context);
        String pdf;
        try (var document = Loader.loadPDF(nl.jobcoachmonitor.analytics.ReportPdf.of(html, "about:blank"))) {
            pdf = new PDFTextStripper().getText(document);
        }
        assertThat(report.minutesTotal()).isEqualTo(45 * notes.size());
        List<String> forbidden = new ArrayList<>(HEALTH_WORDS);
        forbidden.addAll(ANSWER_TEXTS);
        Stream.concat(notes.stream(), Stream.of(reason)).forEach(n -> forbidden.add(n.substring(0, 10)));
        forbidden.add("VULNERABILITY");
        forbidden.add("Zelfbeeld, stigma");
        forbidden.add("Afstemming met zorg");
        for (String text : List.of(view.toString(), report.toString(), html, pdf)) {
            for (String word : forbidden) {
                assertThat(text).doesNotContainIgnoringCase(word);
            }
        }
    }

    @Example
    void theHealthFreeViewHasNoFieldForHealthDataNotesOrAnswers() {
        Set<String> names = new HashSet<>();
        for (Class<?> type : List.of(HealthFreeTrajectory.class, HealthFreeTrajectory.GoalHours.class,
                HealthFreeTrajectory.PartyHours.class, AccountabilityReport.class, AccountabilityReport.Line.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName().toLowerCase());
            }
        }
        assertThat(names).noneMatch(n -> n.contains("note") || n.contains("reason") || n.contains("theme")
                || n.contains("answer") || n.contains("health") || n.contains("diagnos") || n.contains("response"));
    }

    private long startTrajectory(CurrentUser coach, JdbcClient jdbc, LocalDate start) {
        long commissioner = jdbc.sql("select id from commissioner where name = 'UWV'").query(Long.class).single();
        if (jdbc.sql("select count(*) from grant_rule where commissioner_id = :c").param("c", commissioner)
                .query(Integer.class).single() == 0) {
            app.getBean(GrantRules.class).save(new GrantRule(commissioner, new BigDecimal("40"), 6, 24, 6,
                    ReportTemplate.UWV, new BigDecimal("6.5")));
        }
        return app.getBean(TrajectoryManagement.class).start(coach, new StartTrajectoryForm(null, "Eigenschap",
                "Gezond", LocalDate.of(1996, 6, 6), null, null, commissioner, TrajectoryPhase.COACHING, start, null,
                "Eigenschap BV", "Medewerker", new BigDecimal("24"), ContractType.TEMPORARY, start, null));
    }
}

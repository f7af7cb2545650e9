package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import nl.jobcoachmonitor.IntegrationTest;
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

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * No health information reaches an accountability report: contacts get notes and reasons full of health words, the
 * coach's questionnaire gets health answers (mental health, addiction, GGZ), and neither the health-free view, nor
 * the stored report, nor its rendered page or PDF contains any of it. Runs on the real application and database; the
 * property (QuickTheories) runs inside an ordinary JUnit test, so the application is the one Spring test context of
 * the integration tests.
 */
@IntegrationTest
class HealthFreeReportPropertyTests {

    static final List<String> HEALTH_WORDS = List.of("depressie", "psychose", "angststoornis", "medicatie",
            "burn-out", "suïcidaal", "opname", "ADHD", "autisme", "bipolair", "paniekaanvallen", "antidepressiva");

    /** The labels and codes of the health answers of the coach's questionnaire. */
    static final List<String> ANSWER_TEXTS = List.of("Psychische gezondheid", "mental_health", "Verslaving",
            "addiction", "Lichamelijke gezondheid", "physical_health", "Geestelijke gezondheidszorg", "GGZ",
            "mental_health_care", "Huisarts", "general_practitioner");

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanManagement plans;

    @Autowired
    ContactManagement contacts;

    @Autowired
    MeasurementManagement measurements;

    @Autowired
    AccountabilityManagement accountability;

    @Autowired
    HealthFreeView healthFreeView;

    @Autowired
    GrantRules grantRules;

    @Autowired
    ReportDocuments documents;

    @Autowired
    TrajectoryManagement trajectories;

    /** A note or reason: two health words between a marker of its own ("qx" and eight letters) at either end. */
    static Gen<String> notes() {
        Gen<String> word = Generate.pick(HEALTH_WORDS);
        Gen<String> marker = strings().betweenCodePoints('a', 'z').ofLength(8).map(s -> "qx" + s);
        return word.zip(word, marker, (a, b, m) -> m + " " + a + " en " + b + " " + m);
    }

    static Gen<List<String>> noteLists() {
        return lists().of(notes()).ofSizeBetween(1, 5);
    }

    static Gen<List<String>> lifeDomains() {
        return subsets(List.of("mental_health", "addiction", "physical_health", "debts"));
    }

    static Gen<List<String>> careProviders() {
        return subsets(List.of("mental_health_care", "general_practitioner", "debt_counselling"));
    }

    /** A non-empty subset of the values, each equally likely; shrinks towards the first value alone. */
    static Gen<List<String>> subsets(List<String> values) {
        return integers().between(1, (1 << values.size()) - 1).map(bits -> {
            List<String> subset = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                if ((bits & 1 << k) != 0) {
                    subset.add(values.get(k));
                }
            }
            return subset;
        });
    }

    @Test
    void noHealthWordNoteOrAnswerReachesTheReport() {
        qt().withExamples(12).forAll(noteLists(), notes(), lifeDomains(), careProviders())
                .checkAssert(this::assertNoHealthWordNoteOrAnswerReachesTheReport);
    }

    private void assertNoHealthWordNoteOrAnswerReachesTheReport(List<String> notes, String reason,
            List<String> domains, List<String> providers) {
        var coach = (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
        LocalDate start = LocalDate.now().minusDays(10);
        long trajectory = startTrajectory(coach, start);
        long goal = plans.addGoal(coach, trajectory, new GoalForm("Ik wil mijn werk volhouden", Set.of(), true, true,
                LocalDate.now().plusMonths(3)));
        int day = 0;
        for (String note : notes) {
            contacts.log(coach, trajectory, new LogContactForm(start.plusDays(day++ % 8), 45, Party.EMPLOYEE,
                    ContactMode.OFFICE, Set.of(Theme.VULNERABILITY, Theme.CARE_COORDINATION), note, reason,
                    Set.of(goal)));
        }
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", trajectory).query(Long.class).single();
        measurements.submit(coach, trajectory, wave, Respondent.COACH,
                Map.of("job_fit", 7, "rapport_coach", 4, "employer_support", 3, "life_domains", domains,
                        "care_providers", providers, "care_coordination", 3, "care_conflict", "yes", "expected_retention", 4,
                        "hours_sufficient", "enough"));

        long reportId = accountability.generate(coach, trajectory, start);
        var report = accountability.report(coach, trajectory, reportId);
        var view = healthFreeView.of(trajectory, start, start.plusMonths(6));
        String html = documents.html(report, Locale.forLanguageTag("nl"));
        String pdf = pdfText(html);
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

    private static String pdfText(String html) {
        try (var document = Loader.loadPDF(nl.jobcoachmonitor.analytics.ReportPdf.of(html, "about:blank"))) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
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

    private long startTrajectory(CurrentUser coach, LocalDate start) {
        long commissioner = jdbc.sql("select id from commissioner where name = 'UWV'").query(Long.class).single();
        if (jdbc.sql("select count(*) from grant_rule where commissioner_id = :c").param("c", commissioner)
                .query(Integer.class).single() == 0) {
            grantRules.save(new GrantRule(commissioner, new BigDecimal("40"), 6, 24, 6,
                    ReportTemplate.UWV, new BigDecimal("6.5")));
        }
        return trajectories.start(coach, new StartTrajectoryForm(null, "Eigenschap",
                "Gezond", LocalDate.of(1996, 6, 6), null, null, commissioner, TrajectoryPhase.COACHING, start, null,
                "Eigenschap BV", "Medewerker", new BigDecimal("24"), ContractType.TEMPORARY, start, null));
    }
}

package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.analytics.ReportQuery.Row;
import nl.jobcoachmonitor.analytics.ReportQuery.Scope;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The attack of the issue, automated: a commissioner (two accounts of it) and a researcher step the period one month at
 * a time, from and to, in every subgroup, and difference every two answers whose populations differ by exactly one
 * person ({@code n₂·m₂ − n₁·m₁}, with the published n's and with the true n's, as an attacker who knows N would). The
 * truth comes from the database. An attacked value counts as recovered when the estimate is within what an attacker
 * needs (age ±1 year, contract hours ±2, a grade or hours per month ±0.5, the capability set exactly, a yes/no right);
 * the chance level is the same guess made without the attack, from the larger population's published figure (its
 * mean, or its majority for a yes/no). The attack may not beat chance by more than sampling noise (a sign test over the
 * attempts where exactly one of the two guesses is right).
 */
@IntegrationTest
class DifferencingAttackTests {

    @Autowired AnalyticsManagement analytics;
    @Autowired ReportQuery query;
    @Autowired UserDetailsService users;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    /** A row of the study's table an attacker wants one person's value of, and the precision they need. */
    private record Target(String key, Function<Row, Double> truth, double tolerance, boolean binary) {
    }

    private static Double number(Number n) {
        return n == null ? null : n.doubleValue();
    }

    private static Double yes(String disclosed) {
        return disclosed == null ? null : "no".equals(disclosed) ? 0.0 : 1.0;
    }

    private static Double bool(Boolean b) {
        return b == null ? null : b ? 1.0 : 0.0;
    }

    private static final List<Target> TARGETS = List.of(
            new Target("report.row.age", r -> (double) r.age(), 1, false),
            new Target("report.row.contractHours", r -> number(r.contractHours()), 2, false),
            new Target("report.row.toldEmployer", r -> yes(r.disclosedEmployer()), 0, true),
            new Target("report.row.reactionEmployer", r -> number(r.reactionEmployer()), 0.5, false),
            new Target("report.row.toldColleagues", r -> yes(r.disclosedColleagues()), 0, true),
            new Target("report.row.reactionColleagues", r -> number(r.reactionColleagues()), 0.5, false),
            new Target("report.row.coachValue", r -> number(r.coachValue()), 0.5, false),
            new Target("report.row.hoursFirst", Row::hoursFirst, 0.5, false),
            new Target("report.row.employeeHoursFirst", Row::employeeHoursFirst, 0.5, false),
            new Target("report.row.employerHoursFirst", Row::employerHoursFirst, 0.5, false),
            new Target("report.row.hoursSecond", Row::hoursSecond, 0.5, false),
            new Target("report.row.employeeHoursSecond", Row::employeeHoursSecond, 0.5, false),
            new Target("report.row.employerHoursSecond", Row::employerHoursSecond, 0.5, false),
            new Target("report.row.retained", r -> bool(r.retained()), 0, true),
            new Target("report.row.positiveDevelopment", r -> bool(r.positiveDevelopment()), 0, true),
            new Target("report.row.capabilitySet", r -> number(r.capabilitySet()), 0.5, false));

    /** Counts of one kind of attempt: how often the attack, and how often chance, got the value. */
    private static final class Tally {
        int attempts;
        int attack;
        int chance;
        int attackOnly;
        int chanceOnly;

        void add(boolean byAttack, boolean byChance) {
            attempts++;
            attack += byAttack ? 1 : 0;
            chance += byChance ? 1 : 0;
            attackOnly += byAttack && !byChance ? 1 : 0;
            chanceOnly += byChance && !byAttack ? 1 : 0;
        }

        /** Whether the attack beats chance by more than noise: a one-sided sign test at about 3 standard deviations. */
        boolean beatsChance() {
            int discordant = attackOnly + chanceOnly;
            return attackOnly - chanceOnly > 3 * Math.sqrt(discordant) + 2;
        }

        @Override
        public String toString() {
            return String.format("attempts %5d  recovered %5d (%5.1f%%)  chance %5d (%5.1f%%)  attack-only %4d  "
                    + "chance-only %4d", attempts, attack, pct(attack), chance, pct(chance), attackOnly, chanceOnly);
        }

        private double pct(int k) {
            return attempts == 0 ? 0 : 100.0 * k / attempts;
        }
    }

    private int requests;
    private int pairs;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    private Tally tally(String name) {
        return tallies.computeIfAbsent(name, k -> new Tally());
    }

    static ReportFilter filter(YearMonth from, YearMonth to, ReportFilter.AgeBand ageBand, TrajectoryPhase phase) {
        return new ReportFilter(from, to, ageBand, phase, null);
    }

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    static String secondCommissionerUser(JdbcClient jdbc) {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, commissioner_id, enabled) "
                + "select 'gemeente-collega', password_hash, 'Collega Gemeente', role, commissioner_id, true "
                + "from app_user where username = 'gemeente' and not exists "
                + "(select 1 from app_user where username = 'gemeente-collega')").update();
        return "gemeente-collega";
    }

    @Test
    void differencingReportsOneMonthApartRevealsNoOnePersonMoreOftenThanChance() {
        long commissioner = data.commissionerOf("gemeente");
        attack("gemeente", Scope.commissioner(commissioner));
        attack(secondCommissionerUser(jdbc), Scope.commissioner(commissioner));
        attack("onderzoeker", Scope.all());

        System.out.printf("Differencing attack: %d requests, %d pairs of populations differing by one person%n",
                requests, pairs);
        tallies.forEach((name, t) -> System.out.printf("  %-45s %s%n", name, t));
        assertThat(pairs).as("the demo cohort offers pairs to difference").isGreaterThan(20);
        tallies.forEach((name, t) -> assertThat(t.beatsChance()).as(name + ": " + t).isFalse());
    }

    private void attack(String username, Scope scope) {
        CurrentUser user = user(username);
        List<Row> all = query.rows(scope, ReportFilter.everything());
        YearMonth first = all.stream().map(r -> YearMonth.from(r.coachingStartedOn())).min(YearMonth::compareTo)
                .orElseThrow();
        YearMonth last = all.stream().map(r -> YearMonth.from(r.coachingStartedOn())).max(YearMonth::compareTo)
                .orElseThrow();
        List<ReportFilter> subgroups = new ArrayList<>();
        subgroups.add(filter(null, null, null, null));
        for (var band : ReportFilter.AgeBand.values()) {
            subgroups.add(filter(null, null, band, null));
        }
        for (var phase : TrajectoryPhase.values()) {
            if (phase != TrajectoryPhase.JOB_SEARCH) {
                subgroups.add(filter(null, null, null, phase));
            }
        }
        // Every period of whole months, in every subgroup: the population (true, from the database) and the answer.
        Map<String, StudyReport> answers = new HashMap<>();
        Map<String, List<Row>> populations = new HashMap<>();
        for (var subgroup : subgroups) {
            for (YearMonth from = first; !from.isAfter(last); from = from.plusMonths(1)) {
                for (YearMonth to = from; !to.isAfter(last); to = to.plusMonths(1)) {
                    var f = filter(from, to, subgroup.ageBand(), subgroup.phase());
                    List<Row> population = all.stream().filter(in(from, to, subgroup)).toList();
                    String key = key(population);
                    var report = analytics.report(user, f);
                    requests++;
                    populations.putIfAbsent(key, population);
                    // The same population always gets the same answer (checked here for free).
                    var earlier = answers.putIfAbsent(key, report);
                    if (earlier != null && !report.isRefused()) {
                        assertThat(report.table()).isEqualTo(earlier.table());
                    }
                }
            }
        }
        for (var entry : populations.entrySet()) {
            List<Row> larger = entry.getValue();
            for (Row person : larger) {
                List<Row> smaller = larger.stream().filter(r -> r != person).toList();
                StudyReport without = answers.get(key(smaller));
                if (without == null) {
                    continue;
                }
                pairs++;
                difference(answers.get(entry.getKey()), larger, without, smaller, person);
            }
        }
    }

    private void difference(StudyReport withPerson, List<Row> larger, StudyReport without, List<Row> smaller,
            Row person) {
        if (withPerson.isRefused() || without.isRefused()) {
            return;
        }
        Map<String, Boolean[]> binary = new HashMap<>();
        for (Target target : TARGETS) {
            Double truth = target.truth().apply(person);
            var m2 = measure(withPerson, target.key());
            var m1 = measure(without, target.key());
            if (truth == null || !m1.shown() || !m2.shown()) {
                continue;
            }
            double scale = target.binary() ? 100 : 1;
            int n2 = (int) larger.stream().map(target.truth()).filter(Objects::nonNull).count();
            int n1 = n2 - 1;
            double byPublishedN = (m2.n() * m2.value() - m1.n() * m1.value()) / scale;
            double byTrueN = (n2 * m2.value() - n1 * m1.value()) / scale;
            double guess = m2.value() / scale;
            boolean chance = recovered(target, guess, truth);
            boolean published = recovered(target, byPublishedN, truth);
            boolean trueN = recovered(target, byTrueN, truth);
            tally("published n: " + target.key()).add(published, chance);
            tally("true n:      " + target.key()).add(trueN, chance);
            tally("published n: all values").add(published, chance);
            tally("true n:      all values").add(trueN, chance);
            if (target.binary()) {
                binary.merge("published", new Boolean[] { published, chance },
                        (a, b) -> new Boolean[] { a[0] && b[0], a[1] && b[1] });
                binary.merge("true", new Boolean[] { trueN, chance },
                        (a, b) -> new Boolean[] { a[0] && b[0], a[1] && b[1] });
            }
        }
        binary.forEach((variant, result) -> tally(variant + " n: every yes/no of the person right")
                .add(result[0], result[1]));
    }

    private static boolean recovered(Target target, double estimate, double truth) {
        if (target.binary()) {
            return (estimate >= 0.5) == (truth == 1.0);
        }
        return Math.abs(estimate - truth) <= target.tolerance() + 1e-9;
    }

    private static StudyReport.Measure measure(StudyReport report, String key) {
        return report.table().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    private static String key(List<Row> population) {
        return Arrays.toString(population.stream().mapToLong(Row::trajectoryId).sorted().toArray());
    }

    private static Predicate<Row> in(YearMonth from, YearMonth to, ReportFilter f) {
        return r -> {
            YearMonth month = YearMonth.from(r.coachingStartedOn());
            return !month.isBefore(from) && !month.isAfter(to)
                    && (f.ageBand() == null || (r.age() >= f.ageBand().lowest && r.age() <= f.ageBand().highest))
                    && (f.phase() == null || r.phase() == f.phase());
        };
    }
}

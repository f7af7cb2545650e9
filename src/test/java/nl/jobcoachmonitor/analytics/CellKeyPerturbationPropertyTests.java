package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import nl.jobcoachmonitor.analytics.CellKeyPerturbation.Bounds;
import nl.jobcoachmonitor.analytics.CellKeyPerturbation.CellKey;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The cell key method on random populations (QuickTheories): persons are random record keys with a value each. */
class CellKeyPerturbationPropertyTests {

    private static final Bounds AGE = new Bounds(16, 40);

    /** A person: a record key (never 0, as an HMAC practically never is) and an age, sometimes out of bounds. */
    private record Person(long key, double value) {
    }

    private static final Gen<Person> PERSON = longs().all().map(k -> k == 0 ? 1 : k)
            .zip(doubles().between(10, 50), Person::new);

    private static Gen<List<Person>> populations(int least, int most) {
        return lists().of(PERSON).ofSizeBetween(least, most);
    }

    private static CellKey key(List<Person> persons) {
        return CellKey.of(persons.stream().mapToLong(Person::key).toArray());
    }

    private static double[] values(List<Person> persons) {
        return persons.stream().mapToDouble(Person::value).toArray();
    }

    @Test
    void theSamePersonsInAnyOrderGetTheSameFigures() {
        qt().forAll(populations(0, 60), longs().all()).checkAssert((persons, seed) -> {
            var shuffled = new ArrayList<>(persons);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(key(shuffled)).isEqualTo(key(persons));
            assertThat(CellKeyPerturbation.mean(values(shuffled), AGE, key(shuffled), "age"))
                    .isEqualTo(CellKeyPerturbation.mean(values(persons), AGE, key(persons), "age"));
            assertThat(CellKeyPerturbation.publishedCount(shuffled.size(), key(shuffled)))
                    .isEqualTo(CellKeyPerturbation.publishedCount(persons.size(), key(persons)));
        });
    }

    @Test
    void countsAreNeverNegativeZeroStaysZeroAndMoveAtMostTwo() {
        qt().forAll(integers().between(0, 10_000), longs().all()).checkAssert((n, key) -> {
            int published = CellKeyPerturbation.count(n, new CellKey(key));
            assertThat(published).isGreaterThanOrEqualTo(0).isBetween(n - 2, n + 2);
            if (n == 0) {
                assertThat(published).isZero();
                assertThat(CellKeyPerturbation.publishedCount(0, new CellKey(key)).value()).isZero();
            }
        });
    }

    @Test
    void nothingIsShownAboutFewerThanTenPersons() {
        qt().forAll(populations(1, 9)).checkAssert(persons -> {
            var key = key(persons);
            assertThat(CellKeyPerturbation.publishable(persons.size(), key)).isFalse();
            assertThat(CellKeyPerturbation.publishedCount(persons.size(), key).shown()).isFalse();
            assertThat(CellKeyPerturbation.mean(values(persons), AGE, key, "age").shown()).isFalse();
            assertThat(CellKeyPerturbation.mean(values(persons).length, persons.size(), AGE, key, "age")).isNaN();
        });
    }

    @Test
    void aPercentageIsShownOnlyWhenYesAndNoAreEachZeroOrAtLeastTen() {
        qt().forAll(populations(0, 40), integers().between(0, 40)).checkAssert((persons, cut) -> {
            int yes = Math.min(cut, persons.size());
            var yesKey = key(persons.subList(0, yes));
            var noKey = key(persons.subList(yes, persons.size()));
            var published = CellKeyPerturbation.percentage(yes, yesKey, persons.size() - yes, noKey);
            if (published.shown()) {
                assertThat(yes == 0 || yes >= 10).as("yes %d", yes).isTrue();
                assertThat(persons.size() - yes == 0 || persons.size() - yes >= 10).isTrue();
                assertThat(persons.size()).isGreaterThanOrEqualTo(10);
                assertThat(published.value()).isBetween(0.0, 100.0);
                if (yes == 0) {
                    assertThat(published.value()).isZero();
                }
            }
        });
    }

    @Test
    void thePublishedMeanIsWithinSpanOverNOfTheTruth() {
        qt().forAll(populations(10, 200)).checkAssert(persons -> {
            var published = CellKeyPerturbation.mean(values(persons), AGE, key(persons), "age");
            if (published.shown()) {
                double truth = persons.stream().mapToDouble(p -> AGE.clamp(p.value())).average().orElseThrow();
                // plus half the last decimal of the rounding
                assertThat(Math.abs(published.value() - truth))
                        .isLessThanOrEqualTo(AGE.span() / persons.size() + 0.05 + 1e-9);
                assertThat(published.lower()).isLessThanOrEqualTo(published.value());
                assertThat(published.upper()).isGreaterThanOrEqualTo(published.value());
                assertThat(published.n()).isBetween(persons.size() - 2, persons.size() + 2);
            }
        });
    }

    @Test
    void removingOnePersonChangesTheCellKeyAndItsDraws() {
        qt().forAll(populations(1, 60), integers().between(0, 59)).checkAssert((persons, index) -> {
            var fewer = new ArrayList<>(persons);
            fewer.remove(index % persons.size());
            assertThat(key(fewer)).isNotEqualTo(key(persons));
            assertThat(key(fewer).draws("age")).isNotEqualTo(key(persons).draws("age"));
        });
    }
}

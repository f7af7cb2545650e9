package nl.jobcoachmonitor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import nl.jobcoachmonitor.shared.TableFiles.CsvVariant;

import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.Test;

class TableFilesTests {

    private static final Table TABLE = new Table("Uren", "Contacturen per maand", List.of("Maand", "Uren", "p", "Notitie"),
            List.of(Arrays.asList(0, Figure.decimals(1.23456, 3), Figure.significant(0.000123456, 4), "=HYPERLINK(\"x\")"),
                    Arrays.asList(1, Figure.decimals(-2.5, 3), null, "a;-b, c")));

    @Test
    void theStandardCsvHasCommasAndDecimalPointsWithThreeDecimalsAndFourSignificantDigits() {
        String csv = TableFiles.csv(List.of(TABLE), CsvVariant.STANDARD, false, true);
        assertThat(csv.split("\r\n")).containsExactly(
                "Contacturen per maand",
                "Maand,Uren,p,Notitie",
                "0,1.235,0.0001235,\"'=HYPERLINK(\"\"x\"\")\"",
                "1,-2.500,,\"a;'-b, c\"");
    }

    @Test
    void theDutchCsvHasSemicolonsAndDecimalCommasAndNumbersStayNumbers() {
        String csv = TableFiles.csv(List.of(TABLE), CsvVariant.DUTCH, false, false);
        assertThat(csv.split("\r\n")).containsExactly(
                "Maand;Uren;p;Notitie",
                "0;1,235;0,0001235;\"'=HYPERLINK(\"\"x\"\")\"",
                "1;-2,500;;\"a;'-b, c\"");
    }

    @Test
    void allDigitsGiveTheDoubleBackExactly() {
        double third = 1.0 / 3;
        var table = new Table("t", "t", List.of("x"), List.of(List.of(Figure.decimals(third, 3)),
                List.of(Figure.decimals(1e-9, 3))));
        String[] lines = TableFiles.csv(List.of(table), CsvVariant.STANDARD, true, false).split("\r\n");
        assertThat(Double.parseDouble(lines[1])).isEqualTo(third);
        assertThat(lines[2]).isEqualTo("0.000000001");
        assertThat(Double.parseDouble(lines[2])).isEqualTo(1e-9);
    }

    @Test
    void theWorkbookHasASheetPerTableNumbersAsNumericCellsAndFormulaLikeTextAsText() {
        var other = new Table("Uren", "Nog een tabel met dezelfde naam", List.of("a"), List.of(List.of("b")));
        var sheets = Spreadsheet.read(TableFiles.xlsx(List.of(TABLE, other), false));

        assertThat(sheets.keySet()).containsExactly("Uren", "Uren (2)");
        var rows = sheets.get("Uren");
        assertThat(Spreadsheet.texts(rows.get(0))).containsExactly("Maand", "Uren", "p", "Notitie");
        var first = rows.get(1);
        assertThat(first.getCell(0).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(1).getType()).isEqualTo(CellType.NUMBER);
        assertThat(first.getCell(1).asNumber()).isEqualByComparingTo("1.235");
        assertThat(first.getCell(2).asNumber()).isEqualByComparingTo("0.0001235");
        assertThat(first.getCell(3).getType()).isEqualTo(CellType.STRING);
        assertThat(first.getCell(3).getFormula()).isNull();
        assertThat(first.getCell(3).asString()).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(rows.get(2).getCell(1).asNumber()).isEqualByComparingTo("-2.5");
    }

    @Test
    void sheetNamesAreWhatExcelAccepts() {
        assertThat(TableFiles.sheetName("Werkwaarden: hoe belangrijk en hoe bereikt (1–5)", new java.util.HashSet<>()))
                .hasSizeLessThanOrEqualTo(31).doesNotContain(":");
        assertThat(TableFiles.sheetName("a/b", new java.util.HashSet<>(Set.of("a b")))).isEqualTo("a b (2)");
    }
}

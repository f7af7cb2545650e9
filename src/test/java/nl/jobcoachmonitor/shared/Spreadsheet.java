package nl.jobcoachmonitor.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** An XLSX file read back for the tests (fastexcel-reader): the rows of each sheet, by the sheet's name, in order. */
public final class Spreadsheet {

    private Spreadsheet() {
    }

    public static Map<String, List<Row>> read(byte[] xlsx) {
        Map<String, List<Row>> sheets = new LinkedHashMap<>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : workbook.getSheets().toList()) {
                sheets.put(sheet.getName(), sheet.read());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }

    /** The texts of a row's cells (empty for an empty cell). */
    public static List<String> texts(Row row) {
        return java.util.stream.IntStream.range(0, row.getCellCount())
                .mapToObj(i -> row.getCell(i) == null ? "" : row.getCell(i).getText()).toList();
    }
}

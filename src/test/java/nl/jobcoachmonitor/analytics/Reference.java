package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The reference data and R's figures in {@code src/test/resources/analytics} (see the README there): the
 * {@code mtcars} columns and {@code expected.csv}.
 */
final class Reference {

    /**
     * Relative difference allowed between our figures and R's. The issue asks for at least 6 significant digits
     * (1e-6); the figures agree to about 1e-13, so this guards 9.
     */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private static final Map<String, double[]> MTCARS = readMtcars();
    private static final Map<String, Double> EXPECTED = readExpected();

    private Reference() {
    }

    /** A column of {@code mtcars}, in R's row order. */
    static double[] mtcars(String column) {
        double[] values = MTCARS.get(column);
        assertThat(values).as("mtcars column %s", column).isNotNull();
        return values.clone();
    }

    static double expected(String name) {
        Double value = EXPECTED.get(name);
        assertThat(value).as("expected.csv has %s", name).isNotNull();
        return value;
    }

    /** Asserts {@code actual} equals R's figure {@code name} to {@link #RELATIVE_TOLERANCE}. */
    static void assertMatches(String name, double actual) {
        double expected = expected(name);
        assertThat(actual).as(name).isCloseTo(expected, within(RELATIVE_TOLERANCE * Math.abs(expected)));
    }

    private static Map<String, double[]> readMtcars() {
        List<String> lines = lines("analytics/mtcars.csv");
        String[] header = unquote(lines.get(0).split(","));
        var columns = new LinkedHashMap<String, double[]>();
        for (int c = 1; c < header.length; c++) {
            double[] values = new double[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                values[r - 1] = Double.parseDouble(lines.get(r).split(",")[c]);
            }
            columns.put(header[c], values);
        }
        return columns;
    }

    private static Map<String, Double> readExpected() {
        var expected = new HashMap<String, Double>();
        for (String line : lines("analytics/expected.csv")) {
            if (line.startsWith("#") || line.equals("name,value")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            expected.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1)));
        }
        return expected;
    }

    private static String[] unquote(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].replace("\"", "");
        }
        return fields;
    }

    private static List<String> lines(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;

/**
 * The data sets and R's figures in {@code src/test/resources/analytics/models} (see its README): written by
 * {@code reference-models.R} with R's {@code glm}, {@code lm} and {@code brglm2}, so the tests need no R.
 */
final class ModelReference {

    /** Relative difference allowed on every estimate, standard error, interval bound and p-value. */
    static final double RELATIVE_TOLERANCE = 1e-6;

    private static final String FOLDER = "analytics/models/";
    private static final Map<String, Double> EXPECTED = readExpected();

    private ModelReference() {
    }

    /** A data set's columns by name; an empty cell is missing ({@code NaN}). */
    static Map<String, double[]> data(String file) {
        return columns(lines(FOLDER + file));
    }

    /** A gzipped CSV file's columns, as {@link #data}. */
    static Map<String, double[]> file(Path path) {
        try (var in = new GZIPInputStream(Files.newInputStream(path))) {
            return columns(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, double[]> columns(List<String> lines) {
        String[] header = lines.get(0).replace("\"", "").split(",");
        var columns = new LinkedHashMap<String, double[]>();
        for (int c = 0; c < header.length; c++) {
            double[] values = new double[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",", -1);
                values[r - 1] = cells[c].isEmpty() || cells[c].equals("NA") ? Double.NaN
                        : Double.parseDouble(cells[c]);
            }
            columns.put(header[c], values);
        }
        return columns;
    }

    static double expected(String name) {
        Double value = EXPECTED.get(name);
        assertThat(value).as("expected-models.csv has %s", name).isNotNull();
        return value;
    }

    static void assertMatches(String name, double actual) {
        double expected = expected(name);
        assertThat(actual).as(name).isCloseTo(expected, within(RELATIVE_TOLERANCE * Math.abs(expected)));
    }

    /** Every coefficient of a fit against R's figures under {@code label}: estimate, SE, p, interval. */
    static void assertCoefficientsMatch(String label, List<Coefficient> coefficients) {
        assertThat(coefficients).isNotEmpty();
        for (Coefficient c : coefficients) {
            String prefix = label + "." + (c.name().equals(Coefficient.INTERCEPT) ? "(Intercept)" : c.name()) + ".";
            assertMatches(prefix + "estimate", c.estimate());
            assertMatches(prefix + "standardError", c.standardError());
            assertMatches(prefix + "pValue", c.pValue());
            assertMatches(prefix + "lower", c.lower());
            assertMatches(prefix + "upper", c.upper());
        }
    }

    private static Map<String, Double> readExpected() {
        var expected = new HashMap<String, Double>();
        for (String line : lines(FOLDER + "expected-models.csv")) {
            if (line.startsWith("#") || line.equals("name,value")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            expected.put(line.substring(0, comma), Double.parseDouble(line.substring(comma + 1)));
        }
        return expected;
    }

    private static List<String> lines(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            byte[] bytes = path.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

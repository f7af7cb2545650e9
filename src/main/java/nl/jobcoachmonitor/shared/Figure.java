package nl.jobcoachmonitor.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A number in a downloaded table with the precision it is published with: a number of decimals, or of significant
 * digits (p-values). With all digits (the researchers' option) it is the double itself, written so that reading it
 * back gives exactly the same double. Not finite (a suppressed figure): an empty cell.
 */
public record Figure(double value, int digits, boolean significant) {

    public static Figure decimals(double value, int decimals) {
        return new Figure(value, decimals, false);
    }

    public static Figure significant(double value, int digits) {
        return new Figure(value, digits, true);
    }

    public boolean present() {
        return Double.isFinite(value);
    }

    /** The value as published: rounded to its precision, or exactly the double with all digits. */
    public BigDecimal published(boolean allDigits) {
        BigDecimal exact = BigDecimal.valueOf(value); // the shortest decimal that reads back as this double
        if (allDigits) {
            return exact;
        }
        return significant ? exact.round(new MathContext(digits, RoundingMode.HALF_UP))
                : exact.setScale(digits, RoundingMode.HALF_UP);
    }

    /** The value as text, with a point or the given decimal separator, never in scientific notation. */
    public String text(boolean allDigits, char decimalSeparator) {
        if (!present()) {
            return "";
        }
        BigDecimal published = published(allDigits);
        String text = (allDigits ? published.stripTrailingZeros() : published).toPlainString();
        return decimalSeparator == '.' ? text : text.replace('.', decimalSeparator);
    }
}

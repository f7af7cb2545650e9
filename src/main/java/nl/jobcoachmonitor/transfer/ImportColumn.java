package nl.jobcoachmonitor.transfer;

import java.util.List;

/**
 * One column of an import file: its name (as in the header row, snake_case), how a cell is read, whether it must be
 * filled, the longest text it takes, the allowed codes (for a code or a list of codes) and the value of the template's
 * example row.
 */
record ImportColumn(String name, Type type, boolean required, int maxLength, List<String> allowed, String example) {

    enum Type {
        /** free text up to maxLength characters. */
        TEXT,
        /** yyyy-MM-dd. */
        DATE,
        /** a whole number. */
        INTEGER,
        /** a decimal number with a dot, one decimal at most. */
        DECIMAL,
        /** one of the allowed codes. */
        CODE,
        /** codes separated by |. */
        CODES,
        /** true or false. */
        BOOLEAN
    }

    static ImportColumn text(String name, int maxLength, boolean required, String example) {
        return new ImportColumn(name, Type.TEXT, required, maxLength, List.of(), example);
    }

    static ImportColumn date(String name, boolean required, String example) {
        return new ImportColumn(name, Type.DATE, required, 10, List.of(), example);
    }

    static ImportColumn integer(String name, boolean required, String example) {
        return new ImportColumn(name, Type.INTEGER, required, 10, List.of(), example);
    }

    static ImportColumn decimal(String name, boolean required, String example) {
        return new ImportColumn(name, Type.DECIMAL, required, 10, List.of(), example);
    }

    static ImportColumn bool(String name, boolean required, String example) {
        return new ImportColumn(name, Type.BOOLEAN, required, 5, List.of("true", "false"), example);
    }

    static ImportColumn code(String name, boolean required, List<String> allowed, String example) {
        return new ImportColumn(name, Type.CODE, required, 40, allowed, example);
    }

    static ImportColumn codes(String name, List<String> allowed, String example) {
        return new ImportColumn(name, Type.CODES, false, 1000, allowed, example);
    }

    /** The SQL type of the column in the staging table. */
    String sqlType() {
        return switch (type) {
            case TEXT -> "varchar(" + maxLength + ")";
            case DATE -> "date";
            case INTEGER -> "integer";
            case DECIMAL -> "numeric(6, 1)";
            case CODE -> "varchar(40)";
            case CODES -> "bigint";
            case BOOLEAN -> "boolean";
        };
    }
}

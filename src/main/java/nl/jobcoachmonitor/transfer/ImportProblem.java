package nl.jobcoachmonitor.transfer;

import java.util.List;

/**
 * One problem of an upload: the file (or sheet), the row as a spreadsheet numbers it (the header is row 1), the column,
 * and what is wrong as a message key {@code import.problem.<code>} with its arguments, shown in the reader's language.
 */
record ImportProblem(String file, int row, String column, String code, List<Object> args) {

    public String messageKey() {
        return "import.problem." + code;
    }

    public Object[] arguments() {
        return args.toArray();
    }
}

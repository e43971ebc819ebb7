package vn.phendau.batch;

/**
 * Text as a spreadsheet cell that cannot run: a value starting with =, +, -, @, a tab or a carriage return would be
 * taken as a formula by Excel or LibreOffice (CSV injection), so it is prefixed with an apostrophe, which the
 * spreadsheet shows as plain text.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}

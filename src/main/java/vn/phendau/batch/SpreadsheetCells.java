package vn.phendau.batch;

/**
 * Text as a spreadsheet cell that cannot run: a value starting with =, +, -, @, a tab or a carriage return would be
 * taken as a formula by Excel or LibreOffice (CSV injection), so it is prefixed with an apostrophe, which the
 * spreadsheet shows as plain text. The full-width and small forms of = + - @ count too: spreadsheets under East
 * Asian input methods fold them to their ASCII forms when a cell is entered or re-edited.
 */
public final class SpreadsheetCells {

    /** The first characters that make a cell a formula: ASCII, full-width (U+FF1D, U+FF0B, U+FF0D, U+FF20) and small (U+FE66, U+FE62, U+FE63, U+FE6B). */
    static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";

    private SpreadsheetCells() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}

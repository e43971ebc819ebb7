package vn.phendau.template;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.phendau.batch.ColumnWords;
import vn.phendau.batch.RowMapper;
import vn.phendau.batch.RowMapper.Kind;
import vn.phendau.common.Json;
import vn.phendau.common.Text;
import vn.phendau.labels.Labels;
import vn.phendau.reference.Provinces;

/**
 * The list template an office fills in Excel: made from the columns the list reader takes (the schema's fields),
 * their labels and the codes they offer, so a new field of the schema is a new column with nothing written here.
 * The first sheet is the list: the header of field paths (what the reader matches), a row of labels (which the
 * reader skips), one example row (sample 01), drop-downs of labelled values and number formats. A second sheet
 * explains each column in both languages; a hidden third one holds the drop-downs' values.
 */
@ApplicationScoped
public class ListTemplate {

    public static final String LIST_SHEET = "Danh sách - List";
    public static final String HELP_SHEET = "Hướng dẫn - Instructions";
    public static final String VALUES_SHEET = "Giá trị - Values";
    /** The rows under the header that get drop-downs and formats: more than any office's list. */
    static final int ROWS = 5000;
    static final String EXAMPLE = "samples/01-lang-son-duong-cua-khau-tan-thanh.json";
    private static final String PROVINCE = "location.province";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Labels labels;
    private final Provinces provinces;

    public ListTemplate(Labels labels, Provinces provinces) {
        this.labels = labels;
        this.provinces = provinces;
    }

    /** Every column of a list, in the schema's order. */
    public List<ListColumn> columns() {
        List<ListColumn> out = new ArrayList<>();
        RowMapper.columnKinds().forEach((path, kind) -> {
            String coded = kind == Kind.SOURCES ? RowMapper.SOURCE_TYPE : path;
            out.add(new ListColumn(path, kind, labels.field(path), labels.help(path), labels.values(coded),
                    ListColumn.REQUIRED.contains(path)));
        });
        return out;
    }

    /** The provinces offered for location.province: today's units (former names are still read). */
    public List<String> provinceNames() {
        return provinces.units().stream().map(Provinces.Province::name).toList();
    }

    /** A value's label as a drop-down shows it: in one language, starting with a capital. */
    public static String shown(Text label, String lang) {
        String s = label.in(lang);
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(VI) + s.substring(1);
    }

    /** The example proposal's cells, column by column, written as a person fills them (labels, not codes). */
    public Map<String, Object> example(String lang) {
        return cells(Json.resource(EXAMPLE), lang);
    }

    /**
     * A proposal as a row of the list, in words: codes by their labels in the language, yes/no as Có/Không,
     * amounts and counts as numbers (a String for text, a BigDecimal for a number, a LocalDate for a date).
     */
    public Map<String, Object> cells(JsonNode proposal, String lang) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ListColumn c : columns()) {
            JsonNode v = proposal.at("/" + c.path().replace('.', '/'));
            if (v.isMissingNode() || v.isNull() || v.isObject() && v.isEmpty()) {
                continue;
            }
            // An empty list is said ("Không có"): an empty cell would read back as unknown.
            out.put(c.path(), v.isArray() && v.isEmpty() ? ColumnWords.NONE.in(lang) : cell(c, v, lang));
        }
        return out;
    }

    private Object cell(ListColumn c, JsonNode v, String lang) {
        return switch (c.kind()) {
            case INTEGER, NUMBER -> v.isNumber() ? v.decimalValue() : v.asText();
            case BOOLEAN -> yesNo(v.asBoolean(), lang);
            case ENUM -> label(c.path(), v.asText(), lang);
            case ENUM_LIST -> {
                List<String> parts = new ArrayList<>();
                v.forEach(code -> parts.add(label(c.path(), code.asText(), lang)));
                yield String.join("; ", parts);
            }
            case COMMUNES -> {
                List<String> parts = new ArrayList<>();
                v.forEach(commune -> parts.add(commune.path("name").asText()
                        + (commune.has("borderCommune") ? ":" + yesNo(commune.get("borderCommune").asBoolean(), lang) : "")));
                yield String.join("; ", parts);
            }
            case SOURCES -> {
                List<String> parts = new ArrayList<>();
                v.forEach(s -> parts.add(label(RowMapper.SOURCE_TYPE, s.path("type").asText(), lang) + ":"
                        + grouped(s.path("amountVnd").decimalValue(), lang)
                        + (s.has("secured") ? ":" + yesNo(s.get("secured").asBoolean(), lang) : "")));
                yield String.join("; ", parts);
            }
            case STRING -> c.date() && isDate(v.asText()) ? LocalDate.parse(v.asText()) : v.asText();
        };
    }

    private String label(String path, String code, String lang) {
        Text t = labels.values(path).get(code);
        return t == null ? code : shown(t, lang);
    }

    static String yesNo(boolean b, String lang) {
        return (b ? ColumnWords.YES : ColumnWords.NO).in(lang);
    }

    /** An amount as the language groups it: 60.000.000.000 in Vietnamese, 60,000,000,000 in English. */
    public static String grouped(BigDecimal amount, String lang) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        boolean en = "en".equals(lang);
        symbols.setGroupingSeparator(en ? ',' : '.');
        symbols.setDecimalSeparator(en ? '.' : ',');
        return new DecimalFormat("#,##0.####", symbols).format(amount);
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---- the workbook -----------------------------------------------------------------------------------------

    public void writeXlsx(OutputStream out, String lang) throws IOException {
        List<ListColumn> columns = columns();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet list = wb.createSheet(LIST_SHEET);
            Sheet help = wb.createSheet(HELP_SHEET);
            Sheet values = wb.createSheet(VALUES_SHEET);
            Styles styles = new Styles(wb);
            Map<String, String> lists = values(wb, values, columns, lang);
            wb.setSheetVisibility(wb.getSheetIndex(values), SheetVisibility.HIDDEN);

            Row codes = list.createRow(0);
            Row words = list.createRow(1);
            words.setHeightInPoints(45);
            Map<String, Object> example = example(lang);
            Row sample = list.createRow(2);
            DataValidationHelper dv = list.getDataValidationHelper();
            for (int i = 0; i < columns.size(); i++) {
                ListColumn c = columns.get(i);
                text(codes, i, c.path(), styles.header);
                text(words, i, ColumnWords.both(c.label()), styles.label);
                list.setColumnWidth(i, 256 * Math.max(14, Math.min(48, c.label().in(lang).length() + 4)));
                CellStyle format = styles.of(c);
                if (format != null) {
                    list.setDefaultColumnStyle(i, format);
                }
                Object v = example.get(c.path());
                if (v != null) {
                    Cell cell = sample.createCell(i);
                    if (v instanceof BigDecimal n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                    } else {
                        cell.setCellValue((String) v);
                    }
                    if (format != null) {
                        cell.setCellStyle(format);
                    }
                }
                String range = lists.get(c.path());
                if (range != null) {
                    list.addValidationData(validation(dv, range, i, c, lang));
                }
            }
            list.createFreezePane(2, 2);
            instructions(help, columns, styles, lang);
            wb.setActiveSheet(0);
            wb.write(out);
        }
    }

    /**
     * A drop-down from the named list. A single code or yes/no refuses anything else; a list of codes (several,
     * separated by ';') and a province (any name it ever had is read) are only offered, not enforced.
     */
    private static DataValidation validation(DataValidationHelper dv, String name, int column, ListColumn c, String lang) {
        DataValidationConstraint constraint = dv.createFormulaListConstraint(name);
        DataValidation v = dv.createValidation(constraint, new CellRangeAddressList(2, ROWS + 1, column, column));
        boolean strict = c.kind() == Kind.ENUM || c.kind() == Kind.BOOLEAN;
        v.setSuppressDropDownArrow(true);   // in XSSF, true shows the arrow
        v.setShowErrorBox(strict);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox("Giá trị không có trong danh sách / Not in the list",
                "Hãy chọn một giá trị trong danh sách thả xuống. / Pick a value from the drop-down list.");
        v.setShowPromptBox(true);
        v.createPromptBox(truncate(c.label().in(lang), 32), truncate(howTo(c).in(lang), 250));
        v.setEmptyCellAllowed(true);
        return v;
    }

    /** The hidden sheet of labelled values: per list a column of labels (what the drop-down offers) beside its codes. */
    private Map<String, String> values(XSSFWorkbook wb, Sheet sheet, List<ListColumn> columns, String lang) {
        Map<String, List<String[]>> blocks = new LinkedHashMap<>();
        blocks.put("yes_no", List.of(new String[] {ColumnWords.YES.in(lang), "true"},
                new String[] {ColumnWords.NO.in(lang), "false"}, new String[] {ColumnWords.UNKNOWN.in(lang), ""}));
        blocks.put(PROVINCE, provinceNames().stream().map(p -> new String[] {p, p}).toList());
        for (ListColumn c : columns) {
            if (!c.codes().isEmpty()) {
                blocks.put(c.codesPath(), c.codes().entrySet().stream()
                        .map(e -> new String[] {shown(e.getValue(), lang), e.getKey()}).toList());
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        int col = 0;
        for (Map.Entry<String, List<String[]>> block : blocks.entrySet()) {
            text(row(sheet, 0), col, block.getKey(), null);
            text(row(sheet, 0), col + 1, "code", null);
            List<String[]> rows = block.getValue();
            for (int r = 0; r < rows.size(); r++) {
                text(row(sheet, r + 1), col, rows.get(r)[0], null);
                text(row(sheet, r + 1), col + 1, rows.get(r)[1], null);
            }
            Name name = wb.createName();
            String id = "v_" + block.getKey().replaceAll("[^A-Za-z0-9]", "_");
            name.setNameName(id);
            String letter = CellReference.convertNumToColString(col);
            name.setRefersToFormula("'" + VALUES_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (rows.size() + 1));
            names.put(block.getKey(), id);
            col += 3;
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (ListColumn c : columns) {
            String id = c.kind() == Kind.BOOLEAN ? names.get("yes_no")
                    : c.path().equals(PROVINCE) ? names.get(PROVINCE)
                    : c.kind() == Kind.ENUM || c.kind() == Kind.ENUM_LIST ? names.get(c.path()) : null;
            if (id != null) {
                byColumn.put(c.path(), id);
            }
        }
        return byColumn;
    }

    private void instructions(Sheet sheet, List<ListColumn> columns, Styles styles, String lang) {
        int r = 0;
        for (Text line : INTRO) {
            Row row = sheet.createRow(r++);
            text(row, 0, line.vi(), styles.wrap);
            text(row, 1, line.en(), styles.wrap);
        }
        r++;
        Row head = sheet.createRow(r++);
        String[] titles = {"Cột / Column", "Tên / Name (vi)", "Name (en)", "Bắt buộc / Required", "Cách nhập", "How to enter",
                "Giải thích", "Explanation", "Giá trị / Values"};
        for (int i = 0; i < titles.length; i++) {
            text(head, i, titles[i], styles.header);
        }
        for (ListColumn c : columns) {
            Row row = sheet.createRow(r++);
            text(row, 0, c.path(), styles.wrap);
            text(row, 1, c.label().vi(), styles.wrap);
            text(row, 2, c.label().en(), styles.wrap);
            text(row, 3, c.required() ? "Bắt buộc / Required" : "", styles.wrap);
            Text how = howTo(c);
            text(row, 4, how.vi(), styles.wrap);
            text(row, 5, how.en(), styles.wrap);
            text(row, 6, c.help().map(Text::vi).orElse(""), styles.wrap);
            text(row, 7, c.help().map(Text::en).orElse(""), styles.wrap);
            List<String> offered = new ArrayList<>();
            c.codes().values().forEach(t -> offered.add(ColumnWords.both(Text.of(shown(t, "vi"), shown(t, "en")))));
            if (c.kind() == Kind.BOOLEAN) {
                offered.addAll(List.of(ColumnWords.both(ColumnWords.YES), ColumnWords.both(ColumnWords.NO),
                        ColumnWords.both(ColumnWords.UNKNOWN)));
            }
            text(row, 8, String.join("\n", offered), styles.wrap);
        }
        int[] widths = {30, 30, 30, 12, 50, 50, 50, 50, 50};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, 256 * widths[i]);
        }
    }

    static final List<Text> INTRO = List.of(
            Text.of("Mẫu danh sách đề xuất dự án của Phên Dậu", "Phên Dậu's list template for project proposals"),
            Text.of("Mỗi dòng của trang \"" + LIST_SHEET + "\" là một dự án, từ dòng 3 (dòng 3 là ví dụ: hãy ghi đè hoặc xóa).",
                    "Each row of the sheet \"" + LIST_SHEET + "\" is one project, from row 3 (row 3 is an example: overwrite or delete it)."),
            Text.of("Dòng 1 là mã của cột, dòng 2 là tên cột: giữ nguyên cả hai, dịch vụ đọc cột theo dòng 1 và bỏ qua dòng 2.",
                    "Row 1 holds the columns' codes, row 2 their names: keep both; the service reads the columns by row 1 and skips row 2."),
            Text.of("Ô để trống nghĩa là chưa rõ, không bao giờ là \"không\" hay số 0. Chỉ 5 cột bắt buộc.",
                    "An empty cell means unknown, never \"no\" or zero. Only 5 columns are required."),
            Text.of("Giá trị có danh sách thả xuống: chọn nhãn, hoặc gõ nhãn tiếng Việt hay tiếng Anh (có dấu hoặc không) hoặc mã.",
                    "Values with a drop-down: pick a label, or type the Vietnamese or English label (with or without diacritics) or the code."),
            Text.of("Số tiền tính bằng đồng (không phải triệu hay tỷ): 95.000.000.000.",
                    "Amounts are in đồng (not millions or billions): 95,000,000,000."),
            Text.of("Xã: mỗi xã một tên, thêm \":Có\" nếu là xã biên giới hoặc \":Không\" nếu không; các xã cách nhau bằng \";\". Ví dụ: Tân Thanh:Có; Văn Lãng:Không",
                    "Communes: one name each, with \":Yes\" for a border commune or \":No\" for one that is not; separate communes with \";\". Example: Tân Thanh:Yes; Văn Lãng:No"),
            Text.of("Nguồn vốn: mỗi nguồn là loại:số tiền, thêm \":Có\" nếu đã bảo đảm; các nguồn cách nhau bằng \";\". Ví dụ: Ngân sách trung ương:60.000.000.000:Có; Ngân sách địa phương:35.000.000.000:Không",
                    "Funding sources: each is type:amount, with \":Yes\" when it is secured; separate sources with \";\". Example: Central budget:60,000,000,000:Yes; Local budget:35,000,000,000:No"),
            Text.of("Gửi tệp đã điền tại trang Đánh giá đề xuất (/assess) hoặc tới POST /api/v1/assessments/batch.",
                    "Send the filled file on the page Assess a proposal (/assess) or to POST /api/v1/assessments/batch."));

    /** How a column's cell is written, in both languages. */
    static Text howTo(ListColumn c) {
        if (c.amount()) {
            return Text.of("Số nguyên, tính bằng đồng: 95.000.000.000.", "A whole number of đồng: 95,000,000,000.");
        }
        if (c.year()) {
            return Text.of("Năm, 4 chữ số: 2026.", "A year, 4 digits: 2026.");
        }
        if (c.date()) {
            return Text.of("Ngày: ô ngày của Excel, hoặc 2026-11-20.", "A date: an Excel date cell, or 2026-11-20.");
        }
        return switch (c.kind()) {
            case STRING -> c.path().equals(PROVINCE)
                    ? Text.of("Chọn tỉnh trong danh sách, hoặc gõ tên (cũ hay mới, có dấu hoặc không).",
                            "Pick the province from the list, or type its name (old or new, with or without diacritics).")
                    : Text.of("Văn bản.", "Text.");
            case ENUM -> Text.of("Chọn một giá trị trong danh sách thả xuống (hoặc gõ nhãn hay mã).",
                    "Pick one value from the drop-down (or type its label or code).");
            case INTEGER -> Text.of("Số nguyên: 14200.", "A whole number: 14200.");
            case NUMBER -> Text.of("Một số; dấu thập phân là dấu phẩy hoặc dấu chấm: 0,4.", "A number; the decimal mark is a comma or a point: 0.4.");
            case BOOLEAN -> Text.of("Có, Không hoặc Chưa rõ (ô trống cũng là chưa rõ).", "Yes, No or Unknown (an empty cell is unknown too).");
            case ENUM_LIST -> Text.of("Một hay nhiều giá trị trong danh sách, cách nhau bằng \";\". \"Không có\" khi chắc chắn không có giá trị nào (ô trống là chưa rõ).",
                    "One or more values of the list, separated by \";\". \"None\" when there is surely none (an empty cell is unknown).");
            case COMMUNES -> Text.of("Tên xã, thêm \":Có\" nếu là xã biên giới, \":Không\" nếu không; cách nhau bằng \";\". Ví dụ: Tân Thanh:Có; Văn Lãng:Không. \"Không có\" khi chắc chắn không có xã nào (ô trống là chưa rõ).",
                    "Commune names, with \":Yes\" for a border commune, \":No\" if not; separated by \";\". Example: Tân Thanh:Yes; Văn Lãng:No. \"None\" when there is surely none (an empty cell is unknown).");
            case SOURCES -> Text.of("Loại nguồn:số tiền, thêm \":Có\" nếu đã bảo đảm; cách nhau bằng \";\". Ví dụ: Ngân sách trung ương:60.000.000.000:Có. \"Không có\" khi chắc chắn chưa có nguồn nào (ô trống là chưa rõ).",
                    "Source type:amount, with \":Yes\" when secured; separated by \";\". Example: Central budget:60,000,000,000:Yes. \"None\" when there is surely none yet (an empty cell is unknown).");
        };
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Row row(Sheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row != null ? row : sheet.createRow(r);
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The CSV template: the header and the example row, UTF-8 with a byte-order mark so that Excel reads it as such. */
    public void writeCsv(OutputStream out, String lang) throws IOException {
        List<ListColumn> columns = columns();
        Map<String, Object> example = example(lang);
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (ListColumn c : columns) {
            header.add(c.path());
            Object v = example.get(c.path());
            row.add(v == null ? "" : v instanceof BigDecimal n ? n.toPlainString() : v.toString());
        }
        csv.append(String.join(",", header.stream().map(ListTemplate::quoted).toList())).append("\r\n");
        csv.append(String.join(",", row.stream().map(ListTemplate::quoted).toList())).append("\r\n");
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle label;
        final CellStyle wrap;
        final CellStyle text;
        final CellStyle amount;
        final CellStyle year;
        final CellStyle integer;
        final CellStyle date;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            Font italic = wb.createFont();
            italic.setItalic(true);
            label = wb.createCellStyle();
            label.setFont(italic);
            label.setWrapText(true);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            label.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            // Text typed into a text column stays text: an id such as 0123 keeps its zero.
            text = number(wb, "@");
            amount = number(wb, "#,##0");
            year = number(wb, "0");
            integer = number(wb, "#,##0");
            date = number(wb, "yyyy-mm-dd");
        }

        private static CellStyle number(XSSFWorkbook wb, String format) {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat(format));
            return s;
        }

        /** The format a column's cells get, or null for plain text. */
        CellStyle of(ListColumn c) {
            if (c.amount()) {
                return amount;
            }
            if (c.year()) {
                return year;
            }
            if (c.date()) {
                return date;
            }
            return c.kind() == Kind.INTEGER ? integer : c.kind() == Kind.NUMBER ? null : text;
        }
    }
}

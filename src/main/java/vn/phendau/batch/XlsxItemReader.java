package vn.phendau.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jboss.logging.Logger;
import org.xml.sax.helpers.AttributesImpl;
import vn.phendau.common.Text;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;

/**
 * An Excel (.xlsx) list: the first sheet, its first non-blank row the header of field paths, as in a CSV list.
 * Read with POI's event API (OPCPackage, XSSFReader, XSSFSheetXMLHandler, read-only shared strings), row by row,
 * never as a whole workbook in memory.
 *
 * <p>XSSFSheetXMLHandler is a SAX handler, which pushes; a list is pulled one item at a time. So the sheet's XML is
 * read with POI's hardened StAX factory and each event handed to the handler, until a row is complete: pull without
 * a second thread, and the reader sees each cell's declared type (a boolean, an Excel error) as the handler
 * formats it.
 *
 * <p>What is refused before any row is read, each as problem+json: an OLE2 file (a password-protected .xlsx or a
 * legacy .xls, 415), a macro-enabled workbook (400), a workbook that unzips to more than the limits (a zip bomb,
 * 413), a DOCTYPE in its XML (400: no entity is ever resolved), and anything POI cannot read (400).
 */
public final class XlsxItemReader implements ItemReader {

    /** The most one part of the workbook may unzip to. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /** Compressed to unzipped size, below which a part is taken for a zip bomb (POI's default, made explicit). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** The most text POI's extractors take from a workbook. */
    static final long MAX_TEXT_CHARS = 64L * 1024 * 1024;
    /** Excel's own limit of columns in a sheet. */
    static final int MAX_COLUMNS = 16_384;
    /** Characters in one row, all cells together. */
    static final int MAX_ROW_CHARS = 1_000_000;

    private static final Logger LOG = Logger.getLogger(XlsxItemReader.class);
    private static final String NS_MAIN = XSSFRelation.NS_SPREADSHEETML;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
    }

    private final Path spooled;
    /** POI's hardened StAX factory (no DTDs, no external entities); one per reader, as factories are not thread-safe. */
    private final XMLInputFactory factory = XMLHelper.newXMLInputFactory();
    private OPCPackage pkg;
    private InputStream sheet;
    private XMLStreamReader xml;
    private XSSFSheetXMLHandler handler;
    private final Rows rows;
    private final RowMapper mapper;
    private int index;
    private boolean ended;

    /**
     * A workbook arriving as a stream: spooled to a temporary file (a zip is read by its directory), deleted on
     * close. A cell longer than maxChars (code points) is its row's problem; no more than that is held of it.
     */
    public XlsxItemReader(InputStream in, int maxChars) {
        this(spool(in), true, maxChars, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** A workbook in a file, read where it is. */
    public XlsxItemReader(Path file, int maxChars) {
        this(file, false, maxChars, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** The same, with at most maxColumns columns in the header and maxProblems problems reported of it. */
    public XlsxItemReader(Path file, int maxChars, int maxColumns, int maxProblems) {
        this(file, false, maxChars, maxColumns, maxProblems);
    }

    private XlsxItemReader(Path file, boolean temporary, int maxChars, int maxColumns, int maxProblems) {
        spooled = temporary ? file : null;
        rows = new Rows(maxChars);
        try {
            open(file);
            Row first = hasNext() ? rows.ready.poll() : null;
            if (first == null) {
                throw new ProblemException(400, "validation", "Danh sách trống", "Empty list",
                        List.of(Problem.at("$", "trang tính đầu tiên không có dòng tiêu đề", "the first sheet has no header row")));
            }
            mapper = new RowMapper(header(first.cells), maxChars, maxColumns, maxProblems);
            // The template's second row names the columns in words: not a project, so not an item.
            if (hasNext() && rows.ready.peek().errors().isEmpty() && mapper.isLabelRow(rows.ready.peek().cells())) {
                rows.ready.poll();
            }
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        return !rows.ready.isEmpty() || pump();
    }

    @Override
    public BatchItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = rows.ready.poll();
        Map<Integer, Text> refused = new LinkedHashMap<>();
        row.errors.forEach(e -> refused.putIfAbsent(e.column, e.message));
        return mapper.map(index++, row.cells, refused);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    // ---- opening ----------------------------------------------------------------------------------------------

    private void open(Path file) {
        FileMagic magic;
        try {
            if (Files.size(file) == 0) {
                throw refused(400, "validation", "tệp Excel trống", "the Excel file is empty");
            }
            try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (magic == FileMagic.OLE2) {
            throw refused(415, "unsupported-media-type",
                    "tệp được mã hóa (có mật khẩu) hoặc không phải sổ tính .xlsx (tệp .xls cũ); hãy bỏ mật khẩu và lưu lại dạng .xlsx",
                    "the file is encrypted (password-protected) or not an .xlsx workbook (a legacy .xls); remove the password and save it as .xlsx");
        }
        if (magic != FileMagic.OOXML) {
            throw refused(415, "unsupported-media-type", "tệp không phải sổ tính Excel .xlsx", "the file is not an Excel .xlsx workbook");
        }
        try {
            // The zip opened here, not by OPCPackage.open(File): on a zip cut short or broken, POI logs an error
            // and falls back to reading it as a stream; such a workbook is refused as unreadable instead.
            ZipSecureFile zip = ZipHelper.openZipFile(file.toFile());
            try {
                pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
            } catch (Exception e) {
                zip.close();
                throw e;
            }
            refuseMacros(pkg);
            XSSFReader reader = new XSSFReader(pkg, true);
            SharedStrings strings = reader.getSharedStringsTable();
            StylesTable styles = reader.getStylesTable();
            boolean date1904 = date1904(factory, reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw refused(400, "validation", "sổ tính không có trang tính nào", "the workbook has no sheet");
            }
            sheet = sheets.next();
            handler = new XSSFSheetXMLHandler(styles == null ? new StylesTable() : styles, null, strings, rows,
                    new PlainValues(date1904), false);
            xml = factory.createXMLStreamReader(sheet);
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e);
        }
    }

    /** Macros would not run here, but a workbook that carries them is not a list to accept: refused, not stripped. */
    private static void refuseMacros(OPCPackage pkg) throws Exception {
        for (PackagePart part : pkg.getParts()) {
            String type = part.getContentType().toLowerCase(Locale.ROOT);
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            if (type.contains("macroenabled") || type.contains("vbaproject") || name.endsWith("vbaproject.bin")) {
                throw refused(400, "validation",
                        "sổ tính có macro (.xlsm) không được nhận; hãy lưu lại dạng .xlsx không có macro",
                        "macro-enabled workbooks (.xlsm) are not accepted; save it again as an .xlsx without macros");
            }
        }
        List<PackagePart> core = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.isEmpty() || !core.get(0).getContentType().toLowerCase(Locale.ROOT).contains("spreadsheetml")) {
            throw refused(415, "unsupported-media-type", "tệp không phải sổ tính Excel .xlsx (có thể là tài liệu Office khác)",
                    "the file is not an Excel .xlsx workbook (perhaps another Office document)");
        }
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel): workbook.xml's workbookPr, read as a stream. */
    private static boolean date1904(XMLInputFactory factory, XSSFReader reader) throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            try {
                while (x.hasNext()) {
                    int event = x.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw doctype();
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if ("workbookPr".equals(x.getLocalName())) {
                            String v = x.getAttributeValue(null, "date1904");
                            return "1".equals(v) || "true".equalsIgnoreCase(v);
                        }
                        if ("sheets".equals(x.getLocalName())) {
                            return false;
                        }
                    }
                }
                return false;
            } finally {
                x.close();
            }
        }
    }

    // ---- reading rows -----------------------------------------------------------------------------------------

    /**
     * The header row as a list, gaps as "" and trailing blanks dropped: blanks first, so that a stray space in XFD
     * costs nothing; the rest is no wider than its last named column, which RowMapper caps.
     */
    private static List<String> header(TreeMap<Integer, String> cells) {
        while (!cells.isEmpty() && cells.lastEntry().getValue().isBlank()) {
            cells.pollLastEntry();
        }
        List<String> header = new ArrayList<>();
        cells.forEach((column, text) -> {
            while (header.size() < column) {
                header.add("");
            }
            header.add(text);
        });
        return header;
    }

    /** Reads the sheet's XML until a non-blank row is complete or the sheet ends; false at the end. */
    private boolean pump() {
        if (ended) {
            return false;
        }
        try {
            while (rows.ready.isEmpty()) {
                if (!xml.hasNext()) {
                    ended = true;
                    return false;
                }
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String ns = nonNull(xml.getNamespaceURI());
                        String local = xml.getLocalName();
                        if ("c".equals(local) && NS_MAIN.equals(ns)) {
                            rows.type = xml.getAttributeValue(null, "t");
                            rows.rawChars = 0;
                            rows.overLong = false;
                        }
                        handler.startElement(ns, local, qName(xml.getPrefix(), local), attributes(xml));
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String ns = nonNull(xml.getNamespaceURI());
                        String local = xml.getLocalName();
                        handler.endElement(ns, local, qName(xml.getPrefix(), local));
                        if ("c".equals(local)) {
                            rows.rawChars = 0;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        rows.rawChars += xml.getTextLength();
                        if (rows.rawChars > rows.maxRawChars) {
                            rows.overLong = true;  // read past, not held: the cell is its row's problem
                        } else {
                            handler.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    case XMLStreamConstants.DTD -> throw doctype();
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw doctype();
                    case XMLStreamConstants.END_DOCUMENT -> {
                        ended = true;
                        return false;
                    }
                    default -> {
                    }
                }
            }
            return true;
        } catch (ProblemException e) {
            closeQuietly();
            throw e;
        } catch (Exception e) {
            closeQuietly();
            throw translate(e);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String qName(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static AttributesImpl attributes(XMLStreamReader x) {
        AttributesImpl a = new AttributesImpl();
        for (int i = 0; i < x.getAttributeCount(); i++) {
            String local = x.getAttributeLocalName(i);
            a.addAttribute(nonNull(x.getAttributeNamespace(i)), local, qName(x.getAttributePrefix(i), local), "CDATA",
                    x.getAttributeValue(i));
        }
        return a;
    }

    /** The cells present, by column: a row costs its cells, never the index of its last one (XFD's is 16,383). */
    private record Row(TreeMap<Integer, String> cells, List<CellError> errors) {
    }

    private record CellError(int column, Text message) {
    }

    /** Collects the handler's cells into sparse rows: blank rows dropped, limits kept. */
    private static final class Rows implements SheetContentsHandler {

        final Deque<Row> ready = new ArrayDeque<>(2);
        final int maxChars;
        /** The text of one cell held at most: enough to tell that it is over maxChars code points. */
        final long maxRawChars;
        String type;
        long rawChars;
        boolean overLong;
        private TreeMap<Integer, String> cells = new TreeMap<>();
        private List<CellError> errors = new ArrayList<>();
        private int rowChars;
        private int rowNum;

        Rows(int maxChars) {
            this.maxChars = maxChars;
            this.maxRawChars = 2L * maxChars + 2;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            cells = new TreeMap<>();
            errors = new ArrayList<>();
            rowChars = 0;
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = ref == null ? (cells.isEmpty() ? 0 : cells.lastKey() + 1) : column(ref);
            String text = value == null ? "" : value;
            if ("b".equals(type)) {
                text = text.equalsIgnoreCase("TRUE") || text.equals("1") ? "true" : "false";
            } else if ("e".equals(type)) {
                String at = ref == null ? "#" + (column + 1) : ref;
                String code = text.replaceFirst("^ERROR:", "");
                errors.add(new CellError(column, Text.of("ô " + at + " chứa lỗi Excel " + code, "cell " + at + " holds the Excel error " + code)));
                text = "";
            } else if (type == null || "n".equals(type)) {
                text = plain(text);
            }
            if (overLong || ProposalReader.tooLong("", text, maxChars) != null) {
                errors.add(new CellError(column, ProposalReader.tooLong("", maxChars).message()));
                text = "";
            }
            rowChars += text.length();
            if (rowChars > MAX_ROW_CHARS) {
                throw new ProblemException(413, "too-large", "Nội dung quá lớn", "Content too large",
                        List.of(Problem.at("$", "dòng " + (rowNum + 1) + " của trang tính có hơn " + MAX_ROW_CHARS + " ký tự",
                                "row " + (rowNum + 1) + " of the sheet holds more than " + MAX_ROW_CHARS + " characters")));
            }
            cells.put(column, text);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.values().stream().anyMatch(c -> !c.isBlank()) || !errors.isEmpty()) {
                ready.add(new Row(cells, errors));
            }
            cells = new TreeMap<>();
            errors = new ArrayList<>();
        }

        /** The column of a cell reference: "C7" is 2; an address past Excel's last column (XFD) is refused. */
        private static int column(String ref) {
            int start = ref.startsWith("$") ? 1 : 0;
            int col = 0;
            int i = start;
            while (i < ref.length() && i - start < 4) {
                char c = Character.toUpperCase(ref.charAt(i));
                if (c < 'A' || c > 'Z') {
                    break;
                }
                col = col * 26 + (c - 'A' + 1);
                i++;
            }
            if (i == start || col > MAX_COLUMNS) {
                throw refused(400, "validation", "ô có địa chỉ không hợp lệ '" + clip(ref) + "'", "a cell has an invalid address '" + clip(ref) + "'");
            }
            return col - 1;
        }
    }

    /** A number as plain digits, whatever form the file stores it in: "9.5E10" is 95000000000, "12.0" is 12. */
    static String plain(String number) {
        if (number.isEmpty() || !(Character.isDigit(number.charAt(0)) || number.charAt(0) == '-' || number.charAt(0) == '.')) {
            return number;
        }
        try {
            return plain(new BigDecimal(number));
        } catch (NumberFormatException e) {
            return number;  // a date the formatter wrote as yyyy-MM-dd
        }
    }

    static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /**
     * The handler's formatter, made to give values, not displays: a number as its plain digits (never 9.5E10,
     * never a locale's "95.000.000.000"), a date-formatted number as an ISO date.
     */
    static final class PlainValues extends DataFormatter {

        private final boolean date1904;

        PlainValues(boolean date1904) {
            super(Locale.ROOT);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904 || date1904);
                if (t != null) {
                    return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
                }
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return plain(BigDecimal.valueOf(value));
        }
    }

    // ---- problems ---------------------------------------------------------------------------------------------

    static ProblemException refused(int status, String type, String vi, String en) {
        String titleVi = status == 413 ? "Nội dung quá lớn" : status == 415 ? "Kiểu nội dung không được hỗ trợ" : "Tệp Excel không được chấp nhận";
        String titleEn = status == 413 ? "Content too large" : status == 415 ? "Unsupported media type" : "Workbook refused";
        return new ProblemException(status, type, titleVi, titleEn, List.of(Problem.at("$", vi, en)));
    }

    private static ProblemException doctype() {
        return refused(400, "validation", "XML trong sổ tính có khai báo DOCTYPE, không được nhận (chống XXE)",
                "the workbook's XML declares a DOCTYPE, which is refused (no external entities)");
    }

    private static ProblemException unreadable(Throwable e) {
        LOG.debugf(e, "unreadable workbook");
        return refused(400, "validation", "không đọc được sổ tính Excel: tệp hỏng hoặc không đúng định dạng .xlsx",
                "the Excel workbook cannot be read: the file is damaged or not a valid .xlsx");
    }

    /** Whatever POI, the zip layer or the XML parser threw, as the problem it means for the client. */
    static ProblemException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb detected")) {
                LOG.debugf("zip bomb refused: %s", m);
                return m.contains("max size of the expanded data")
                        ? refused(413, "too-large", "một phần của sổ tính khi giải nén vượt " + (MAX_ENTRY_BYTES >> 20) + " MB",
                                "a part of the workbook unzips to more than " + (MAX_ENTRY_BYTES >> 20) + " MB")
                        : refused(413, "too-large", "sổ tính giải nén ra lớn bất thường so với kích thước nén (zip bomb)",
                                "the workbook unzips to far more than its compressed size (a zip bomb)");
            }
            if (m.contains("more internal file entries than expected")) {
                return refused(413, "too-large", "sổ tính có quá nhiều phần", "the workbook has too many parts");
            }
            if (m.contains("DOCTYPE")) {
                return doctype();  // POI's SAX parsers (shared strings) refuse any DOCTYPE
            }
        }
        return unreadable(e);
    }

    private static String clip(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }

    // ---- resources --------------------------------------------------------------------------------------------

    private static Path spool(InputStream in) {
        try {
            Path file = Files.createTempFile("phendau-list", ".xlsx");
            try (InputStream src = in; OutputStream dst = Files.newOutputStream(file)) {
                src.transferTo(dst);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException ignored) {
            // the stream below is closed next
        }
        try {
            if (sheet != null) {
                sheet.close();
            }
        } catch (IOException ignored) {
            // nothing more to read from it
        }
        if (pkg != null) {
            pkg.revert();
        }
        xml = null;
        sheet = null;
        pkg = null;
        ended = true;
        if (spooled != null) {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException e) {
                LOG.debugf(e, "temporary workbook not deleted: %s", spooled);
            }
        }
    }

}

package vn.phendau.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * Lists for the batch tests, made in the test: proposals flattened to spreadsheet rows (the inverse of RowMapper),
 * CSV text, Excel workbooks, and the hostile workbooks the reader must refuse.
 */
public final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String XLSX = BatchFormat.XLSX.mediaType;
    public static final List<String> MINIMAL = List.of("id", "name", "location.province", "sector", "investment.totalVnd");
    public static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private Fixtures() {
    }

    // ---- proposals as rows ------------------------------------------------------------------------------------

    static List<JsonNode> samples() {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            List<JsonNode> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(MAPPER.readTree(f.toFile()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected(String id) {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                if (MAPPER.readTree(f.toFile()).path("id").asText().equals(id)) {
                    return MAPPER.readTree(Path.of("samples", "expected", f.getFileName().toString()).toFile());
                }
            }
            throw new IllegalArgumentException(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A proposal as spreadsheet cells by field path: numbers, booleans and text; lists as RowMapper reads them. */
    static Map<String, Object> flatten(JsonNode proposal) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten(proposal, "", out);
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, Object> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : node) {
                if (path.equals("location.communes")) {
                    parts.add(e.get("name").asText() + (e.has("borderCommune") ? ":" + e.get("borderCommune").asBoolean() : ""));
                } else if (path.equals("investment.sources")) {
                    parts.add(e.get("type").asText() + ":" + e.get("amountVnd").asLong() + (e.has("secured") ? ":" + e.get("secured").asBoolean() : ""));
                } else {
                    parts.add(e.asText());
                }
            }
            if (!parts.isEmpty()) {
                out.put(path, String.join(";", parts));
            }
        } else if (node.isIntegralNumber()) {
            out.put(path, node.longValue());
        } else if (node.isNumber()) {
            out.put(path, node.decimalValue());
        } else if (node.isBoolean()) {
            out.put(path, node.booleanValue());
        } else if (node.isTextual()) {
            out.put(path, node.asText());
        }
    }

    /** Every path the proposals use, in order of first use. */
    static List<String> header(List<Map<String, Object>> rows) {
        Set<String> h = new LinkedHashSet<>();
        rows.forEach(r -> h.addAll(r.keySet()));
        return new ArrayList<>(h);
    }

    static List<List<Object>> cells(List<String> header, List<Map<String, Object>> rows) {
        return rows.stream().map(r -> header.stream().map(r::get).collect(Collectors.toList())).toList();
    }

    public static List<Object> row(Object... cells) {
        return new ArrayList<>(java.util.Arrays.asList(cells));
    }

    // ---- CSV --------------------------------------------------------------------------------------------------

    static byte[] csv(List<String> header, List<List<Object>> rows, char delimiter, boolean bom) {
        StringBuilder s = new StringBuilder(bom ? "\uFEFF" : "");
        s.append(header.stream().map(h -> quote(h, delimiter)).collect(Collectors.joining(String.valueOf(delimiter)))).append("\r\n");
        for (List<Object> r : rows) {
            s.append(r.stream().map(c -> quote(c == null ? "" : c instanceof BigDecimal d ? d.toPlainString() : c.toString(), delimiter))
                    .collect(Collectors.joining(String.valueOf(delimiter)))).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s, char delimiter) {
        return s.indexOf(delimiter) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    // ---- Excel ------------------------------------------------------------------------------------------------

    /** A workbook whose first sheet holds the list: numbers as numeric cells, booleans as boolean cells. */
    public static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, header, rows);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Workbook wb, List<String> header, List<List<Object>> rows) {
        Sheet sheet = wb.createSheet("Danh sách dự án");
        Row h = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                if (v == null) {
                    continue;
                }
                Cell c = row.createCell(i);
                if (v instanceof Boolean b) {
                    c.setCellValue(b);
                } else if (v instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                } else {
                    c.setCellValue(v.toString());
                }
            }
        }
    }

    static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    static XSSFWorkbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Row row, int column) {
        Cell c = row == null ? null : row.getCell(column);
        return c == null ? null : c.getStringCellValue();
    }

    static List<String> sheetNames(Workbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** One minimal, valid row: a group-C road in Lạng Sơn. */
    public static List<Object> minimal(String id, String name, long total) {
        return row(id, name, "Lạng Sơn", "TRANSPORT", total);
    }

    /** A worksheet part written by hand, rows of inline-string and raw cells, for what POI's writer would not make. */
    public static String sheetXml(String doctype, String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + doctype
                + "<worksheet xmlns=\"" + NS + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    public static String inlineRow(int r, String... cells) {
        StringBuilder s = new StringBuilder("<row r=\"" + r + "\">");
        for (int i = 0; i < cells.length; i++) {
            s.append("<c r=\"").append((char) ('A' + i)).append(r).append("\" t=\"inlineStr\"><is><t>").append(cells[i]).append("</t></is></c>");
        }
        return s.append("</row>").toString();
    }

    public static String header(int r) {
        return inlineRow(r, MINIMAL.toArray(String[]::new));
    }

    /** The workbook with some of its parts replaced (given as text or as a writer of bytes), the rest as they were. */
    public static byte[] rezip(byte[] xlsx, Map<String, Object> replace) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                Set<String> done = new LinkedHashSet<>();
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    if (replace.containsKey(e.getName())) {
                        write(replace.get(e.getName()), out);
                        done.add(e.getName());
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                for (Map.Entry<String, Object> e : replace.entrySet()) {
                    if (!done.contains(e.getKey())) {
                        throw new IllegalArgumentException("no part " + e.getKey());
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Part {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(Object content, OutputStream out) throws IOException {
        if (content instanceof Part p) {
            p.writeTo(out);
        } else {
            out.write(content.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A valid list of one row, its sheet replaced by the given XML. */
    public static byte[] withSheet(String sheetXml) {
        return rezip(xlsx(MINIMAL, List.of(minimal("X-1", "x", 1))), Map.of("xl/worksheets/sheet1.xml", sheetXml));
    }

    /** A workbook whose sheet unzips to about 200 MB of the same row over and over: a zip bomb of a few hundred KB. */
    public static byte[] zipBomb() {
        byte[] row = ("<row><c t=\"inlineStr\"><is><t>BOMB</t></is></c><c t=\"inlineStr\"><is><t>bom</t></is></c>"
                + "<c t=\"inlineStr\"><is><t>Lạng Sơn</t></is></c><c t=\"inlineStr\"><is><t>TRANSPORT</t></is></c><c><v>1</v></c></row>")
                .getBytes(StandardCharsets.UTF_8);
        Part sheet = out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + NS + "\"><sheetData>" + header(1))
                    .getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 200L * 1024 * 1024; written += row.length) {
                out.write(row);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        };
        return rezip(xlsx(MINIMAL, List.of(minimal("X-1", "x", 1))), Map.of("xl/worksheets/sheet1.xml", sheet));
    }

    /** The workbook encrypted with a password (agile encryption, as Excel does): an OLE2 file, no longer a zip. */
    public static byte[] encrypted(byte[] xlsx) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("mật-khẩu");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx)); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] legacyXls(List<String> header, List<List<Object>> rows) {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            // With its summary properties and their code page, as Excel writes them: without the properties, POI
            // warns twice that they came back null, and without the code page, twice that it defaults to ISO-8859-1.
            wb.createInformationProperties();
            wb.getSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_UTF8);
            wb.getDocumentSummaryInformation().getFirstSection().setCodepage(org.apache.poi.util.CodePageUtil.CP_UTF8);
            fill(wb, header, rows);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A macro-enabled workbook by its content type (.xlsm), as Excel saves one. */
    public static byte[] xlsm(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            fill(wb, header, rows);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordinary .xlsx content type, but carrying a VBA project part. */
    public static byte[] withVbaProject(byte[] xlsx) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            PackagePart part = pkg.createPart(PackagingURIHelper.createPartName("/xl/vbaProject.bin"), "application/vnd.ms-office.vbaProject");
            try (OutputStream os = part.getOutputStream()) {
                os.write(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4});
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file whose text would show that an external entity was resolved. */
    public static Path canary() {
        try {
            Path f = Files.createTempFile("phendau-canary", ".txt");
            Files.writeString(f, "PHENDAU-CANARY-SECRET");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String doctype(String root, Path canary) {
        return "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]>\n";
    }

    /** The list's items as a reader gives them. */
    static List<BatchItem> items(ItemReader reader) {
        List<BatchItem> out = new ArrayList<>();
        try (ItemReader r = reader) {
            while (r.hasNext()) {
                out.add(r.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static InputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}

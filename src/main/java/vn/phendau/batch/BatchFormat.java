package vn.phendau.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Variant;
import vn.phendau.common.NotUtf8;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;

/** The formats a list comes in and goes out in: JSON, CSV and Excel, by media type or by file name. */
public enum BatchFormat {

    JSON("application/json", ".json"),
    CSV("text/csv", ".csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    public final String mediaType;
    public final String extension;

    BatchFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static BatchFormat forContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        for (BatchFormat f : values()) {
            if (f.mediaType.equals(type)) {
                return f;
            }
        }
        throw ProblemException.unsupportedMediaType(type.isEmpty() ? "(none)" : type,
                "application/json, text/csv, " + XLSX.mediaType);
    }

    /** The format of an answer's media type, as chosen among {@link #answers()} by the request's Accept header. */
    public static BatchFormat forMediaType(MediaType type) {
        for (BatchFormat f : values()) {
            if (f.mediaType.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())) {
                return f;
            }
        }
        throw notAcceptable();
    }

    /** The formats a list's answer can take, JSON first: the one a client that takes anything gets. */
    public static List<Variant> answers() {
        return Variant.mediaTypes(java.util.Arrays.stream(values()).map(f -> MediaType.valueOf(f.mediaType))
                .toArray(MediaType[]::new)).build();
    }

    public static ProblemException notAcceptable() {
        return new ProblemException(406, "not-acceptable", "Không có định dạng phù hợp", "Not acceptable",
                List.of(Problem.at("Accept", "chỉ trả lời được dạng application/json, text/csv hoặc Excel (.xlsx)",
                        "the answer can only be application/json, text/csv or Excel (.xlsx)")));
    }

    public static BatchFormat forFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (BatchFormat f : values()) {
            if (lower.endsWith(f.extension)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name);
    }

    public ItemReader open(Path file, ProposalReader reader) throws IOException {
        if (this == XLSX) {
            // A zip is read through its central directory: the workbook is opened where it was spooled.
            return new XlsxItemReader(file, reader.limits().stringChars(), reader.limits().listColumns(),
                    reader.limits().itemProblems());
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return switch (this) {
                case JSON -> new JsonItemReader(in, reader);
                case CSV -> new CsvItemReader(in, reader.limits().stringChars(), reader.limits().listColumns(),
                        reader.limits().itemProblems());
                case XLSX -> throw new IllegalStateException("opened above");
            };
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * How many items the file holds, read without assessing, so that an over-long list is refused before any answer.
     * Text (JSON, CSV) that is not UTF-8 is refused here too, with its line: found half-way through the answer, it
     * could only cut the list short there.
     */
    public int count(Path file, ProposalReader reader) throws IOException {
        if (this == JSON) {
            refuseNotUtf8(file);
            return JsonItemReader.count(Files.newInputStream(file));
        }
        if (this == CSV) {
            // The rows are counted through a decoder that stops at the first byte that is not UTF-8 (one pass over the
            // file, not two); only then is the file read again to say where. A NUL among the first four bytes (UTF-16)
            // decodes, so it is looked for first.
            if (wide(file)) {
                refuseNotUtf8(file);
            }
            try {
                return countCsv(file, reader);
            } catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException e) {
                refuseNotUtf8(file);
                throw e;
            }
        }
        try (ItemReader items = open(file, reader)) {
            int n = 0;
            while (items.hasNext()) {
                items.next();
                n++;
            }
            return n;
        }
    }

    private static boolean wide(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] first = in.readNBytes(4);
            return NotUtf8.wideAt(first, 0, first.length) >= 0;
        }
    }

    private void refuseNotUtf8(Path file) throws IOException {
        ProblemException notUtf8 = notUtf8(file);
        if (notUtf8 != null) {
            throw notUtf8;
        }
    }

    private static int countCsv(Path file, ProposalReader reader) throws IOException {
        try (InputStreamReader r = new InputStreamReader(Files.newInputStream(file), VietnameseText.strictUtf8())) {
            CsvRows rows = CsvItemReader.rowsOf(new java.io.BufferedReader(r, 1 << 16), reader.limits().stringChars());
            if (!rows.hasNext()) {
                return 0;
            }
            List<String> header = rows.next();
            int n = 0;
            if (rows.hasNext()) {
                // The template's row of labels is skipped by the reader (CsvItemReader): no item, so not counted.
                n = labelRow(header, rows.next(), reader) ? 0 : 1;
            }
            while (rows.skip()) {
                n++;
            }
            return n;
        }
    }

    /** Whether a CSV's second row is the labels' row; a header the reader will refuse has none (and is refused after). */
    private static boolean labelRow(List<String> header, List<String> second, ProposalReader reader) {
        try {
            return new RowMapper(header, reader.limits().stringChars(), reader.limits().listColumns(), reader.limits().itemProblems())
                    .isLabelRow(second);
        } catch (ProblemException e) {
            return false;
        }
    }

    /** The first place the file is not UTF-8, as a 400 naming its line and byte; null when it is all UTF-8. */
    private ProblemException notUtf8(Path file) throws IOException {
        NotUtf8 at;
        try (FileChannel channel = FileChannel.open(file)) {
            at = NotUtf8.find(channel);
        }
        if (at == null) {
            return null;
        }
        String kind = this == CSV ? "CSV" : "JSON";
        return new ProblemException(400, "validation", "Danh sách không đọc được", "Unreadable list",
                List.of(Problem.at("$", "tệp không phải văn bản UTF-8 (dòng " + at.line() + "): byte " + at.bad() + "; hãy lưu lại dạng " + kind + " UTF-8",
                        "the file is not UTF-8 text (line " + at.line() + "): byte " + at.bad() + "; save it again as " + kind + " in UTF-8")));
    }

    public BatchSink sink(ObjectMapper mapper, OutputStream out) throws IOException {
        return sink(mapper, out, null);
    }

    /** @param refs for a JSON answer by reference ({@code ?citations=ref}), else null; CSV and Excel quote no paragraph. */
    public BatchSink sink(ObjectMapper mapper, OutputStream out, vn.phendau.legal.References refs) throws IOException {
        return switch (this) {
            case JSON -> new JsonBatchWriter(mapper, out, refs);
            case CSV -> new CsvBatchWriter(out);
            case XLSX -> new XlsxBatchWriter(out);
        };
    }
}

package vn.phendau.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import vn.phendau.batch.BatchFormat;
import vn.phendau.batch.BatchSummary;
import vn.phendau.batch.IncompleteAnswer;
import vn.phendau.batch.Lists;
import vn.phendau.problem.ProblemException;

/**
 * {@code check <list> [--out <report>]}: a list assessed from a shell, through the same spooling, limits, reading,
 * assessment and writers as {@code POST /api/v1/assessments/batch}. The answer goes to stdout as JSON, or to the
 * report file in the format of its extension; a one-line summary and every problem go to stderr.
 */
public class CheckCommand implements QuarkusApplication {

    static final String NAME = "check";

    /** Every item was assessed. */
    static final int ASSESSED = 0;
    /** The list was read and answered, but some items were invalid (they are in the report's errors). */
    static final int SOME_INVALID = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;
    /** The list could not be read, or was refused as a whole (no report is written). */
    static final int UNREADABLE = 3;
    /**
     * The answer began and could not be finished: on stdout it ends with its "incomplete" member; a report file is
     * not written (nor an earlier one replaced).
     */
    static final int INCOMPLETE = 4;

    static final String USAGE_TEXT = """
            Cách dùng / Usage:
              java -jar target/quarkus-app/quarkus-run.jar check <danh-sách|list>.csv|.json|.xlsx [--out <báo-cáo|report>.csv|.json|.xlsx] [--citations=ref]
            Không có --out, câu trả lời JSON ra stdout. / Without --out, the JSON answer goes to stdout.
            --citations=ref: câu trả lời JSON dẫn chiếu văn bản và lời văn theo mã, mỗi đoạn một lần ở cuối (bảng legal, texts)
                             / the JSON answer cites paragraphs and texts by id, each once at its end (the legal and texts maps)
            Mã thoát / Exit codes:
              0  mọi mục đã được đánh giá / every item was assessed
              1  có mục không hợp lệ (ghi trong báo cáo) / some items were invalid (listed in the report)
              2  sai cú pháp lệnh / wrong command line
              3  không đọc được hoặc bị từ chối cả danh sách / the list could not be read, or was refused
              4  câu trả lời bị dừng giữa chừng, không đầy đủ / the answer stopped part-way and is incomplete""";

    @Inject
    Lists lists;

    @Override
    public int run(String... args) {
        // Vietnamese text whatever the platform's console encoding (Java 17 uses the locale's on Windows).
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (a == null) {
            new PrintStream(System.out, true, StandardCharsets.UTF_8).println(USAGE_TEXT);
            return ASSESSED;
        }
        if (a.listFormat() == null) {
            err.println("Không đọc được " + a.list() + ": danh sách phải là tệp .csv, .json hoặc .xlsx / Cannot read "
                    + a.list() + ": a list must be a .csv, .json or .xlsx file");
            return UNREADABLE;
        }
        Path folder = a.out() == null ? null : a.out().toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            err.println("Không có thư mục " + folder + " để ghi báo cáo / No folder " + folder + " to write the report in");
            return UNREADABLE;
        }
        try {
            BatchSummary summary = check(a, folder);
            err.println(summaryLine(summary) + (a.out() == null ? "" : " → " + a.out()));
            return summary.invalid() == 0 ? ASSESSED : SOME_INVALID;
        } catch (IncompleteAnswer e) {
            err.println("Câu trả lời không đầy đủ: " + e.reason().vi() + (a.out() == null ? "" : "; không ghi báo cáo " + a.out())
                    + " / The answer is incomplete: " + e.reason().en() + (a.out() == null ? "" : "; no report written to " + a.out()));
            return INCOMPLETE;
        } catch (ProblemException e) {
            err.println("Không đọc được danh sách " + a.list() + ": " + e.titleVi() + " / Cannot read the list " + a.list()
                    + ": " + e.titleEn());
            e.problems().forEach(p -> err.println("  " + p.path() + ": " + p.message().vi() + " / " + p.message().en()));
            return UNREADABLE;
        } catch (NoSuchFileException e) {
            err.println("Không có tệp " + e.getFile() + " / No such file: " + e.getFile());
            return UNREADABLE;
        } catch (IOException | RuntimeException e) {
            // A refusal we did not foresee still gets a sentence, never a stack trace.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("Không đọc được danh sách " + a.list() + " hoặc không ghi được báo cáo (" + why + ") / Cannot read the list "
                    + a.list() + " or write the report (" + why + ")");
            return UNREADABLE;
        }
    }

    private BatchSummary check(Arguments a, Path folder) throws IOException {
        Path spooled;
        try (InputStream in = Files.newInputStream(a.list())) {
            spooled = lists.spool(in, a.listFormat());
        }
        try {
            if (a.out() == null) {
                // Buffered, and never closed: stdout stays open for whatever the JVM prints after us.
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                try {
                    BatchSummary summary = lists.assess(spooled, a.listFormat(), BatchFormat.JSON, stdout, () -> false,
                            java.util.function.UnaryOperator.identity(), a.byReference());
                    stdout.write('\n');
                    return summary;
                } finally {
                    stdout.flush();  // an incomplete answer too goes out whole, with its mark
                }
            }
            // Written beside the report and moved into place at the end: a list that fails half-way leaves no
            // half-written report, and an earlier one stays as it was.
            Path partial = folder.resolve("." + a.out().getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            try {
                BatchSummary summary;
                try (OutputStream os = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    summary = lists.assess(spooled, a.listFormat(), a.outFormat(), os, () -> false,
                            java.util.function.UnaryOperator.identity(), a.byReference());
                }
                Files.move(partial, a.out(), StandardCopyOption.REPLACE_EXISTING);
                return summary;
            } finally {
                Files.deleteIfExists(partial);
            }
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    static String summaryLine(BatchSummary s) {
        String verdicts = s.byVerdict().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "Đã kiểm tra " + s.total() + " mục: " + s.assessed() + " đã đánh giá, " + s.invalid() + " không hợp lệ"
                + " / Checked " + s.total() + (s.total() == 1 ? " item: " : " items: ") + s.assessed() + " assessed, "
                + s.invalid() + " invalid"
                + " (" + verdicts + ")";
    }

    /** The command line, read: the list and its format, and the report and its format if one was asked for. */
    record Arguments(Path list, BatchFormat listFormat, Path out, BatchFormat outFormat, boolean byReference) {

        /** Null when help was asked for. */
        static Arguments parse(String... args) {
            Path list = null;
            Path out = null;
            boolean byReference = false;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return null;
                } else if (arg.equals("--out") || arg.equals("-o")) {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("Thiếu tên tệp sau " + arg + " / A file name must follow " + arg);
                    }
                    out = Path.of(args[++i]);
                } else if (arg.equals("--citations=ref")) {
                    byReference = true;
                } else if (arg.equals("--citations=full")) {
                    byReference = false;
                } else if (arg.startsWith("--out=")) {
                    out = Path.of(arg.substring("--out=".length()));
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    throw new IllegalArgumentException("Tùy chọn không rõ: " + arg + " / Unknown option: " + arg);
                } else if (list == null) {
                    list = Path.of(arg);
                } else {
                    throw new IllegalArgumentException("Chỉ kiểm tra một danh sách mỗi lần, thừa: " + arg
                            + " / One list at a time; extra argument: " + arg);
                }
            }
            if (list == null) {
                throw new IllegalArgumentException("Thiếu tệp danh sách / The list file is missing");
            }
            BatchFormat outFormat = out == null ? BatchFormat.JSON : format(out);
            if (outFormat == null) {
                throw new IllegalArgumentException("Báo cáo " + out + " phải là tệp .csv, .json hoặc .xlsx / The report " + out
                        + " must be a .csv, .json or .xlsx file");
            }
            return new Arguments(list, format(list), out, outFormat, byReference);
        }

        /** The format a file's extension names; null for any other (the list's is then refused, the report's misused). */
        private static BatchFormat format(Path file) {
            try {
                return BatchFormat.forFileName(file.getFileName().toString());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}

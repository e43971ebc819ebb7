import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * How long one stored answer takes to gzip, and how large it comes out, at zlib's fastest level (what Stored.gzip
 * uses) and at its default. Usage: java bench/GzipLevels.java <answer.json>, for example an answer saved with
 * curl from POST /api/v1/assessments. 600 runs of each, the last 500 timed. Not a test; not in CI.
 */
public class GzipLevels {
    public static void main(String[] args) throws Exception {
        byte[] answer = Files.readAllBytes(Path.of(args[0]));
        for (int level : new int[] {Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION, Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION}) {
            long nanos = 0;
            int size = 0;
            for (int run = 0; run < 600; run++) {
                long start = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(out) {
                    { def.setLevel(level); }
                }) {
                    z.write(answer);
                }
                if (run >= 100) {
                    nanos += System.nanoTime() - start;
                }
                size = out.size();
            }
            String line = (level == Deflater.BEST_SPEED ? "fastest level" : "default level") + ": " + answer.length
                    + " bytes gzipped to " + size + " in " + nanos / 500 / 1000 + " µs";
            System.out.println(line);
        }
    }
}

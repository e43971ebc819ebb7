import java.nio.file.Path;
import java.util.Arrays;
import vn.phendau.batch.BatchFormat;
import vn.phendau.batch.ItemReader;
import vn.phendau.http.Limits;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;

/**
 * Reading a JSON list alone, without assessing it: counting (as a list is counted before its answer) and reading
 * every item, RUNS times in one JVM; the median of the later half is printed last. The list from
 * `IN=json bash bench/batch.sh` (or bench/ListToJson.java). Not a test; not in CI.
 *
 * <pre>java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" \
 *     bench/JsonListRead.java /tmp/phendau-bench-20000.json 10</pre>
 */
public class JsonListRead {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Limits defaults = new Limits() {  // the @WithDefault values
            public long bodyBytes() { return 1_048_576; }
            public long batchBytes() { return 52_428_800; }
            public int batchItems() { return 100_000; }
            public int stringChars() { return 20_000; }
            public int nestingDepth() { return 32; }
        };
        ProposalReader reader = new ProposalReader(new Provinces(), new ProjectGroups(), defaults);
        long[] count = new long[runs];
        long[] read = new long[runs];
        int items = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            BatchFormat.JSON.count(file, reader);
            long t1 = System.nanoTime();
            items = 0;
            try (ItemReader it = BatchFormat.JSON.open(file, reader)) {
                for (; it.hasNext(); it.next()) {
                    items++;
                }
            }
            count[i] = (t1 - t0) / 1_000_000;
            read[i] = (System.nanoTime() - t1) / 1_000_000;
        }
        System.out.printf("%d items: count %d ms, read %d ms (medians of runs %d-%d)%n", items,
                median(count, runs / 2), median(read, runs / 2), runs / 2 + 1, runs);
    }

    private static long median(long[] all, int from) {
        long[] later = Arrays.copyOfRange(all, from, all.length);
        Arrays.sort(later);
        return later[later.length / 2];
    }
}

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.phendau.batch.BatchItem;
import vn.phendau.batch.CsvItemReader;

/**
 * The generated CSV list as a JSON list, for the JSON list's figure: each row mapped to its proposal as the service
 * maps it, one element a line. A row the mapping refuses (a total typed in words) becomes an element with only its
 * id, invalid as the row was. Run with the app's classes on the class path (bench/batch.sh does, with IN=json).
 *
 * <pre>java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" bench/ListToJson.java list.csv list.json</pre>
 */
public class ListToJson {

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
                CsvItemReader items = new CsvItemReader(in, 20_000);
                BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("[");
            boolean first = true;
            while (items.hasNext()) {
                BatchItem item = items.next();
                out.write(first ? "\n" : ",\n");
                first = false;
                out.write(item.node() != null ? mapper.writeValueAsString(item.node())
                        : "{\"id\":\"ROW-" + (item.index() + 1) + "\"}");
            }
            out.write("\n]\n");
        }
    }
}

package vn.phendau.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting a list (skip) and reading it (next) agree on its records, with all that makes CSV hard. */
class CsvRowsTest {

    static final String CSV = "\uFEFFid;name;location.province\r\n"
            + "A-1;\"Đường; cầu\r\nvà \"\"kè\"\"\";Lạng Sơn\r\n"
            + "\r\n\r\n"
            + "A-2;x\"y\";Cao Bằng\n"
            + "\"A-3\";\"\";\n"
            + "A-4;last line without an end;Lạng Sơn";

    @Test
    void skippingCountsTheRecordsReadingGives() {
        CsvRows read = new CsvRows(new StringReader(CSV));
        List<List<String>> records = new ArrayList<>();
        read.forEachRemaining(records::add);
        CsvRows counted = new CsvRows(new StringReader(CSV));
        int n = 0;
        while (counted.skip()) {
            n++;
        }
        assertEquals(records.size(), n);
        assertEquals(5, n);
        assertEquals(List.of("A-1", "Đường; cầu\r\nvà \"kè\"", "Lạng Sơn"), records.get(1));
        assertEquals(List.of("A-2", "x\"y\"", "Cao Bằng"), records.get(2));
        assertEquals(List.of("A-3", "", ""), records.get(3));
    }

    @Test
    void aRecordPeekedAtIsSkippedOnce() {
        CsvRows rows = new CsvRows(new StringReader(CSV));
        rows.hasNext();
        int n = 0;
        while (rows.skip()) {
            n++;
        }
        assertEquals(5, n);
    }
}

package vn.phendau.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.phendau.batch.RowMapper;
import vn.phendau.batch.RowMapper.Kind;
import vn.phendau.common.Text;

/**
 * One column of a list as the list reader takes it: its header (a field path of the schema), the kind of cell it
 * reads, its label and help (the schema's), and the codes it offers with their labels.
 *
 * @param codes the field's codes (a funding source's types, for investment.sources), empty for free text
 */
public record ListColumn(String path, Kind kind, Text label, Optional<Text> help, Map<String, Text> codes, boolean required) {

    public static final List<String> REQUIRED = List.of("id", "name", "location.province", "sector", "investment.totalVnd");

    /** A whole number of đồng, shown grouped. */
    public boolean amount() {
        return kind == Kind.INTEGER && path.endsWith("Vnd");
    }

    public boolean year() {
        return kind == Kind.INTEGER && path.endsWith("Year");
    }

    public boolean date() {
        return path.endsWith("Date");
    }

    /** The path whose codes this column's cells name. */
    public String codesPath() {
        return kind == Kind.SOURCES ? RowMapper.SOURCE_TYPE : path;
    }
}

package vn.phendau.reference;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.phendau.common.Json;

/**
 * Picks, for an assessment date, the value of each parameter that took effect last on or before it. The
 * parameters change on a handful of dates, so the set in force is worked out once per period when the table
 * loads, and an assessment only finds its period.
 */
@ApplicationScoped
public class ParameterTable {

    private final JsonNode parameters = Json.resource("reference/parameters.json").get("parameters");
    /** The first day of each period, ascending, and the parameters in force through it. */
    private final List<LocalDate> starts = new ArrayList<>();
    private final List<Parameters> periods = new ArrayList<>();
    /** The same parameters by name, as the rules' texts name them. */
    private final List<Map<String, Object>> named = new ArrayList<>();

    public ParameterTable() {
        TreeSet<LocalDate> changes = new TreeSet<>();
        parameters.forEach(p -> p.get("values").forEach(v -> changes.add(LocalDate.parse(v.get("from").asText()))));
        // Before the first change the earliest values apply (see value): that period starts at the dawn of time.
        changes.add(LocalDate.MIN);
        for (LocalDate start : changes) {
            starts.add(start);
            Parameters in = compute(start);
            periods.add(in);
            named.add(byName(in));
        }
    }

    public Parameters on(LocalDate day) {
        return periods.get(period(day));
    }

    /** The parameters in force on the day, by the names the rules' texts give them ({@code {minSecuredShare}}…). */
    public Map<String, Object> namedOn(LocalDate day) {
        return named.get(period(day));
    }

    private int period(LocalDate day) {
        int i = starts.size() - 1;
        while (starts.get(i).isAfter(day)) {
            i--;
        }
        return i;
    }

    private static Map<String, Object> byName(Parameters in) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : Parameters.class.getRecordComponents()) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(in));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private Parameters compute(LocalDate day) {
        return new Parameters(value("fundingTolerance", day), value("minSecuredShare", day),
                value("catalystNonStateShare", day), value("scatteredShareOfGroupC", day),
                (int) value("minJustificationLength", day), (int) value("householdsForMidPoints", day),
                (int) value("householdsForTopPoints", day));
    }

    private double value(String name, LocalDate day) {
        double chosen = Double.NaN;
        LocalDate chosenFrom = null;
        for (JsonNode v : parameters.get(name).get("values")) {
            LocalDate from = LocalDate.parse(v.get("from").asText());
            if (!from.isAfter(day) && (chosenFrom == null || from.isAfter(chosenFrom))) {
                chosen = v.get("value").asDouble();
                chosenFrom = from;
            }
        }
        if (chosenFrom == null) {
            // Before the first value took effect the earliest one applies: the resolution's criteria predate no data.
            chosen = parameters.get(name).get("values").get(0).get("value").asDouble();
        }
        return chosen;
    }
}

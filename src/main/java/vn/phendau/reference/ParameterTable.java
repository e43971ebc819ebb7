package vn.phendau.reference;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import vn.phendau.common.Json;

/** Picks, for an assessment date, the value of each parameter that took effect last on or before it. */
@ApplicationScoped
public class ParameterTable {

    private final JsonNode parameters = Json.resource("reference/parameters.json").get("parameters");

    /** The values for a day, worked out once per day: every assessment (and every round of its path) asks again. */
    private final java.util.Map<LocalDate, Parameters> byDay = new java.util.concurrent.ConcurrentHashMap<>();

    public Parameters on(LocalDate day) {
        Parameters p = byDay.get(day);
        if (p == null) {
            p = compute(day);
            if (byDay.size() < 1024) {  // the days come from clients: bounded
                byDay.put(day, p);
            }
        }
        return p;
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

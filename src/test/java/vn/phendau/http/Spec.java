package vn.phendau.http;

import java.util.List;

/** What the shared spec (API.md, CRITERIA.md) fixes, written out so the tests do not read it from the service itself. */
public final class Spec {

    /** Every criterion of CRITERIA.md, in its order. */
    public static final List<String> CRITERIA = List.of(
            "SCOPE-1", "SCOPE-2", "LEGAL-1", "LEGAL-2", "PLAN-1", "PLAN-2", "PLAN-3", "PLAN-4",
            "DEF-1", "DEF-2", "DEF-3", "DEF-4", "URG-1", "URG-2", "URG-3",
            "LINK-1", "LINK-2", "LINK-3", "LINK-4", "LINK-5", "DISC-1", "DISC-2", "DISC-3", "RES-1", "RES-2",
            "SOC-1", "SOC-2", "SOC-3", "SOC-4", "SOC-5", "ECON-1", "ECON-2", "ECON-3", "ECON-4", "ECON-5",
            "ENV-1", "ENV-2", "ENV-3");

    public static final List<String> VERDICTS = List.of("COMPLIANT", "NEEDS_REVIEW", "NON_COMPLIANT", "OUT_OF_SCOPE");
    public static final List<String> OUTCOMES = List.of("MET", "NOT_MET", "MISSING_INFO", "NOT_APPLICABLE");
    /** In the order findings are listed. */
    public static final List<String> SEVERITIES = List.of("BLOCKING", "REVIEW", "ADVISORY", "PRIORITY");
    public static final String RESOLUTION = "23/NQ-CP";

    private Spec() {
    }
}

package vn.phendau.reference;

/**
 * The decision thresholds in force on the assessment date (reference/parameters.json), inserted as a fact
 * so that a rule names the threshold it compares with instead of a literal.
 */
public record Parameters(double fundingTolerance, double minSecuredShare, double catalystNonStateShare,
                         double scatteredShareOfGroupC, int minJustificationLength,
                         int householdsForMidPoints, int householdsForTopPoints) {
}

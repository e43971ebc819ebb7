package vn.phendau.proposal;

/** A ministry's written opinion on the project. AGREED_WITH_CONDITIONS counts as given: the conditions bind the design. */
public enum Opinion {
    NOT_REQUESTED, REQUESTED, AGREED, AGREED_WITH_CONDITIONS, OBJECTED;

    public boolean isGiven() {
        return this == AGREED || this == AGREED_WITH_CONDITIONS;
    }
}

package vn.phendau.proposal;

public enum FundingType {
    CENTRAL_BUDGET, LOCAL_BUDGET, NATIONAL_TARGET_PROGRAM, GOVERNMENT_BOND, ODA, CONCESSIONAL_LOAN, PPP,
    PRIVATE_DOMESTIC, FOREIGN_DIRECT, COMMUNITY, OTHER;

    /** Public-investment capital (CRITERIA.md v2): the state sources the medium-term public investment plan allocates. */
    public boolean isState() {
        return switch (this) {
            case CENTRAL_BUDGET, LOCAL_BUDGET, NATIONAL_TARGET_PROGRAM, GOVERNMENT_BOND, ODA, CONCESSIONAL_LOAN -> true;
            default -> false;
        };
    }

    /**
     * Non-state sources that public-investment capital is meant to draw in (CRITERIA.md v2 RES-1). ODA and
     * concessional loans are public-investment capital themselves, not leverage beside it.
     */
    public boolean isLeveraged() {
        return switch (this) {
            case PPP, PRIVATE_DOMESTIC, FOREIGN_DIRECT, COMMUNITY -> true;
            default -> false;
        };
    }
}

package vn.phendau.proposal;

public enum FundingType {
    CENTRAL_BUDGET, LOCAL_BUDGET, NATIONAL_TARGET_PROGRAM, GOVERNMENT_BOND, ODA, CONCESSIONAL_LOAN, PPP,
    PRIVATE_DOMESTIC, FOREIGN_DIRECT, COMMUNITY, OTHER;

    /** State sources, whose capital the medium-term public investment plan allocates (CRITERIA.md PLAN-4). */
    public boolean isState() {
        return switch (this) {
            case CENTRAL_BUDGET, LOCAL_BUDGET, NATIONAL_TARGET_PROGRAM, GOVERNMENT_BOND, ODA, CONCESSIONAL_LOAN -> true;
            default -> false;
        };
    }

    /** Non-state or external sources that the state budget is meant to draw in (CRITERIA.md RES-1). */
    public boolean isLeveraged() {
        return switch (this) {
            case ODA, CONCESSIONAL_LOAN, PPP, PRIVATE_DOMESTIC, FOREIGN_DIRECT, COMMUNITY -> true;
            default -> false;
        };
    }
}

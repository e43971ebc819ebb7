package vn.phendau.proposal;

public enum Sector {
    TRANSPORT, BORDER_GATE, TRADE_LOGISTICS, INDUSTRY, ENERGY, TELECOM, WATER_IRRIGATION, HEALTH, EDUCATION,
    VOCATIONAL_TRAINING, AGRICULTURE_FORESTRY, HOUSING_RESETTLEMENT, TOURISM, CULTURE, SCIENCE_TECHNOLOGY,
    BORDER_DEFENSE, ENVIRONMENT, URBAN, OTHER;

    /** The infrastructure sectors of CRITERIA.md DEF-1: those that need the defence opinion in a border commune. */
    public boolean isInfrastructure() {
        return switch (this) {
            case TRANSPORT, BORDER_GATE, TRADE_LOGISTICS, INDUSTRY, ENERGY, TELECOM, WATER_IRRIGATION, URBAN -> true;
            default -> false;
        };
    }
}

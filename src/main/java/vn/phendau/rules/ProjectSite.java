package vn.phendau.rules;

/**
 * One project at a commune of a {@link CommuneSites}, with its years: all the overlap rule needs of it. The name is
 * the commune as this project spells it, and rank its place among the project's communes (from 0).
 */
public record ProjectSite(int index, String id, String communeName, int rank, int startYear, int endYear) {
}

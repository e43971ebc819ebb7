package vn.phendau.assessment;

/**
 * How much of an assessment its reader will see. The verdict, score, score breakdown, checklist and which rules
 * fired never depend on it: only the words and the path to compliance are left out, for a list's answers that
 * do not show them.
 */
public enum Detail {
    /** Everything the API answers: findings in words with evidence, citations and remedies, and the path to compliance. */
    FULL,
    /** Findings in full, without the path to compliance (a workbook shows the findings, not the path). */
    FINDINGS,
    /** Each finding's rule, outcome, severity, points and title only, and no path to compliance (a CSV answer). */
    SUMMARY
}

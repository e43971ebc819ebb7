package vn.phendau.assessment;

/** In the order CRITERIA.md decides them: the first that applies is the verdict. */
public enum Verdict { OUT_OF_SCOPE, NON_COMPLIANT, NEEDS_REVIEW, COMPLIANT }

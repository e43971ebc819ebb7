package vn.phendau.rules;

/** In the order findings are listed: what stops a project first, what only earns points last. */
public enum Severity { BLOCKING, REVIEW, ADVISORY, PRIORITY }

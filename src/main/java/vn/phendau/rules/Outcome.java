package vn.phendau.rules;

public enum Outcome { MET, NOT_MET, MISSING_INFO, NOT_APPLICABLE }

package vn.phendau.proposal;

public enum ProjectGroup { NATIONAL_IMPORTANT, A, B, C }

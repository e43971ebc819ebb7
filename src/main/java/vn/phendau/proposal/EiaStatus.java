package vn.phendau.proposal;

public enum EiaStatus { NOT_REQUIRED, PENDING, APPROVED, REJECTED }

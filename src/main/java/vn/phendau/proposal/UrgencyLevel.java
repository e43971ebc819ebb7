package vn.phendau.proposal;

public enum UrgencyLevel { CRITICAL, HIGH, NORMAL, LOW }

package dev.vigil.triage;

/** One alert as triage tracks it: a fingerprint within a tenant. */
public record AlertKey(String tenant, String fingerprint) {
}

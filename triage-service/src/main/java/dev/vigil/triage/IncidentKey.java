package dev.vigil.triage;

/** What makes repeated alerts one incident: the same fingerprint within a tenant. */
public record IncidentKey(String tenant, String fingerprint) {
}

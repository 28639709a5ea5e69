package dev.vigil.triage;

/** One tenant's group ({@link GroupKey}). */
public record GroupRef(String tenant, String groupKey) {
}

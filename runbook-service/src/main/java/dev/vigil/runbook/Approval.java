package dev.vigil.runbook;

import java.time.Instant;

/** The customer's decision on a step that needs their approval: until they approve, nobody starts it. */
public record Approval(boolean approved, String by, Instant at, String note) {
}

package dev.vigil.devstack;

/**
 * One line of {@code ./vigil status}: whether the stack's process for {@code name} runs ("running", "stopped",
 * or "external" for a PostgreSQL the stack does not run) and, separately, whether its service answers.
 */
record ProcessStatus(String name, String process, Health health, long residentMiB, String address) {
}

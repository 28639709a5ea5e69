package dev.vigil.runbook;

/**
 * One step of a runbook as the supervisor wrote it.
 *
 * @param critical a second person must check the step before the execution may move past it
 */
public record RunbookStep(int position, String title, String instructions, boolean critical) {
}

package dev.vigil.runbook;

/** An execution's copy of one runbook step, with its progress. */
public record ExecutionStep(int position, String title, String instructions, boolean critical, StepStatus status) {
}

package dev.vigil.runbook.store;

/** Another runbook of the tenant has the name a save asked for. */
public class RunbookNameTakenException extends RuntimeException {

    public RunbookNameTakenException(String name) {
        super("A runbook named '" + name + "' already exists");
    }
}

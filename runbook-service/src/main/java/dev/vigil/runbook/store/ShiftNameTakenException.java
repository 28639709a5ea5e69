package dev.vigil.runbook.store;

/** Another shift has the name a save asked for. */
public class ShiftNameTakenException extends RuntimeException {

    public ShiftNameTakenException(String name) {
        super("A shift named '" + name + "' already exists");
    }
}

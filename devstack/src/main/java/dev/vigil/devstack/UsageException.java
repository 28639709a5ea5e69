package dev.vigil.devstack;

/** The command line asked for something that cannot be (unknown name, missing argument); the CLI exits 2. */
public class UsageException extends StackException {
    public UsageException(String message) {
        super(message);
    }
}

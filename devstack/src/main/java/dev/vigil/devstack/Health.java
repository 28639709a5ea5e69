package dev.vigil.devstack;

/** What a part of the stack answers when asked, whatever the state of the process that runs it. */
enum Health {
    /** answers and says it is ready */
    READY("ready"),
    /** answers, but not ready (e.g. a service whose database or broker is unreachable) */
    NOT_READY("not ready"),
    /** does not answer at all */
    DEAD("dead");

    private final String label;

    Health(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}

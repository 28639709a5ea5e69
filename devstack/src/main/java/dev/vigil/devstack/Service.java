package dev.vigil.devstack;

import java.util.Locale;

/** The four Vigil services the stack runs, each in its own JVM with its own database. */
public enum Service {
    INGEST, TRIAGE, NOTIFY, RUNBOOK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String module() {
        return id() + "-service";
    }

    public String database() {
        return "vigil_" + id();
    }
}

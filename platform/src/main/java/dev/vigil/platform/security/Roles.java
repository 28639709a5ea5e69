package dev.vigil.platform.security;

/** The roles a token may carry. */
public final class Roles {
    /** runs the platform: tenants and their ingest keys. */
    public static final String ADMIN = "admin";
    /** manages a tenant's rules, runbooks and shifts. */
    public static final String SUPERVISOR = "supervisor";
    /** watches and acts on a tenant's incidents. */
    public static final String OPERATOR = "operator";
    /** the MSP's customer: its own endpoints and reports. */
    public static final String CUSTOMER = "customer";

    private Roles() {
    }
}

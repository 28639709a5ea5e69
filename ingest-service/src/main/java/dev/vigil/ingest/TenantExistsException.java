package dev.vigil.ingest;

/** A tenant id that is already registered: ids are chosen by the admin, so a second registration is refused. */
public class TenantExistsException extends RuntimeException {
    private final String tenantId;

    public TenantExistsException(String tenantId) {
        super("Tenant " + tenantId + " already exists");
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}

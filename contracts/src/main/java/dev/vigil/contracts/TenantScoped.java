package dev.vigil.contracts;

/** Every event belongs to one tenant; consumers check it against the record's {@code ce_tenant} header. */
public interface TenantScoped {
    String tenant();
}

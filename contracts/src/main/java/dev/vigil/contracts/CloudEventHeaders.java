package dev.vigil.contracts;

/** Kafka header names of CloudEvents binary mode, and the Vigil extension attributes. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    /** The only CloudEvents version Vigil reads and writes. */
    public static final String SUPPORTED_SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    /** extension attribute carrying the tenant of every event. */
    public static final String TENANT_EXTENSION = "tenant";
    public static final String TENANT = "ce_" + TENANT_EXTENSION;

    private CloudEventHeaders() {
    }
}

package dev.vigil.contracts;

/**
 * Kafka headers of a record a probe agent writes to {@link Topics#PROBE_RESULTS}. The record's value is what
 * {@code POST /v1/alerts} takes (one alert or an array); its key is free (the agent's choice of partitioning).
 */
public final class ProbeResultHeaders {
    /** the tenant's ingest key, {@code vik_...}, as for the HTTP inputs; the tenant comes from it alone. */
    public static final String INGEST_KEY = "vigil-ingest-key";

    private ProbeResultHeaders() {
    }
}

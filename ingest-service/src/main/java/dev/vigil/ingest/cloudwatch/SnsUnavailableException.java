package dev.vigil.ingest.cloudwatch;

/**
 * SNS did not answer in time, or answered with a server error, when ingest fetched a signing certificate or
 * confirmed a subscription: worth a retry, which SNS makes for a 5xx answer (and only for one).
 */
public class SnsUnavailableException extends RuntimeException {
    public SnsUnavailableException(String detail) {
        super(detail);
    }
}

package dev.vigil.notify;

/**
 * What one attempt to send a webhook or an email came to.
 *
 * @param statusCode the receiver's HTTP status, or the SMTP relay's reply code; 0 when no response came
 * @param retryAfter the receiver's Retry-After header, or null
 * @param error      why it failed without a usable response, or null
 * @param permanent  true when trying again cannot help (the target is refused, or the receiver refused the request)
 */
public record Attempt(int statusCode, String retryAfter, String error, boolean permanent) {
    private static final int SMTP_OK = 250;

    /**
     * A receiver's answer. A 4xx other than 408 (request timeout) and 429 (too many requests) says the request itself
     * is refused, so sending the same bytes again cannot help.
     */
    public static Attempt response(int statusCode, String retryAfter) {
        boolean ok = statusCode >= 200 && statusCode < 300;
        boolean refused = statusCode >= 400 && statusCode < 500 && statusCode != 408 && statusCode != 429;
        return new Attempt(statusCode, retryAfter, ok ? null : "HTTP " + statusCode, refused);
    }

    /** The SMTP relay took the mail: 250, which also reads as success among HTTP codes. */
    public static Attempt mailAccepted() {
        return new Attempt(SMTP_OK, null, null, false);
    }

    /**
     * The SMTP relay refused the mail. Its reply code is kept as the status; a 5xx reply is permanent, a 4xx one
     * (mailbox busy, greylisting) is worth another try.
     */
    public static Attempt mailRefused(int replyCode, String reply) {
        return new Attempt(replyCode, null, "SMTP " + reply, replyCode >= 500);
    }

    public static Attempt error(String error) {
        return new Attempt(0, null, error, false);
    }

    /** Not attempted: the delivery waited too long to be worth sending. */
    public static Attempt expired(String reason) {
        return refused(reason);
    }

    public static Attempt refused(String reason) {
        return new Attempt(0, null, reason, true);
    }

    /**
     * Failed in a way that says the receiver cannot take deliveries right now (no answer, a timeout, 408, 429, 5xx),
     * rather than refusing this one: such failures in a row open the endpoint's circuit breaker.
     */
    public boolean unavailable() {
        return !succeeded() && !permanent;
    }

    public boolean succeeded() {
        return statusCode >= 200 && statusCode < 300;
    }
}

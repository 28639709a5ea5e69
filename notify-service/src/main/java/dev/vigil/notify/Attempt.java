package dev.vigil.notify;

/**
 * What one attempt to send a webhook came to.
 *
 * @param statusCode the receiver's HTTP status, 0 when no response came
 * @param retryAfter the receiver's Retry-After header, or null
 * @param error      why it failed without a usable response, or null
 * @param permanent  true when trying again cannot help (the target is refused)
 */
public record Attempt(int statusCode, String retryAfter, String error, boolean permanent) {

    public static Attempt response(int statusCode, String retryAfter) {
        boolean ok = statusCode >= 200 && statusCode < 300;
        return new Attempt(statusCode, retryAfter, ok ? null : "HTTP " + statusCode, false);
    }

    public static Attempt error(String error) {
        return new Attempt(0, null, error, false);
    }

    public static Attempt refused(String reason) {
        return new Attempt(0, null, reason, true);
    }

    public boolean succeeded() {
        return statusCode >= 200 && statusCode < 300;
    }
}

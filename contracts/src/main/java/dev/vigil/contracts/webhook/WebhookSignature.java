package dev.vigil.contracts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-signature: v1,<base64 HMAC-SHA256(id.timestamp.body)>} with a
 * {@code whsec_<base64>} secret. Notify signs with it; receivers (and the devstack receiver) verify with it.
 */
public final class WebhookSignature {
    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static boolean isWellFormedSecret(String secret) {
        try {
            return secretKey(secret).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The {@code webhook-signature} header value for one message signed with each of {@code secrets}, space
     * separated: during a secret's rotation the receiver accepts the message with either.
     */
    public static String sign(List<String> secrets, String messageId, long timestampSeconds, String body) {
        StringJoiner header = new StringJoiner(" ");
        secrets.forEach(secret -> header.add(sign(secret, messageId, timestampSeconds, body)));
        return header.toString();
    }

    /** The {@code webhook-signature} header value for one message. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        return VERSION + "," + hmac(secret, messageId, timestampSeconds, body);
    }

    /**
     * True when one of the space-separated signatures in {@code signatureHeader} matches and the timestamp is
     * within {@code tolerance} of {@code now} (replay protection).
     */
    public static boolean verify(String secret, String messageId, String timestampHeader, String body,
            String signatureHeader, Instant now, Duration tolerance) {
        if (secret == null || messageId == null || timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatureHeader.trim().split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma > 0 && candidate.substring(0, comma).equals(VERSION)) {
                byte[] given = candidate.substring(comma + 1).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String hmac(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey(secret), "HmacSHA256"));
            String signed = messageId + "." + timestampSeconds + "." + body;
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] secretKey(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}

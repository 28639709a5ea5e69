package dev.vigil.contracts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    // The example from the Standard Webhooks specification.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final Instant AT_TIMESTAMP = Instant.ofEpochSecond(TIMESTAMP);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void signsLikeTheSpecificationExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void verifiesItsOwnSignatureAmongSeveral() {
        String header = "v1,bm90LXRoaXMtb25l " + WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        assertTrue(WebhookSignature.verify(SECRET, ID, String.valueOf(TIMESTAMP), BODY, header, AT_TIMESTAMP,
                FIVE_MINUTES));
    }

    @Test
    void rejectsATamperedBodyAWrongSecretAndAStaleTimestamp() {
        String header = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        String ts = String.valueOf(TIMESTAMP);

        assertFalse(WebhookSignature.verify(SECRET, ID, ts, BODY + " ", header, AT_TIMESTAMP, FIVE_MINUTES));
        assertFalse(WebhookSignature.verify(WebhookSignature.newSecret(), ID, ts, BODY, header, AT_TIMESTAMP,
                FIVE_MINUTES));
        assertFalse(WebhookSignature.verify(SECRET, ID, ts, BODY, header, AT_TIMESTAMP.plus(Duration.ofMinutes(6)),
                FIVE_MINUTES));
        assertFalse(WebhookSignature.verify(SECRET, ID, "yesterday", BODY, header, AT_TIMESTAMP, FIVE_MINUTES));
    }

    @Test
    void newSecretsAreWellFormedAndDistinct() {
        String secret = WebhookSignature.newSecret();

        assertTrue(secret.startsWith("whsec_"));
        assertTrue(WebhookSignature.isWellFormedSecret(secret));
        assertFalse(WebhookSignature.isWellFormedSecret("whsec_not base64!"));
        assertFalse(secret.equals(WebhookSignature.newSecret()));
    }
}

package dev.vigil.notify.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {
    private static final String OLD = "k1:" + SecretBox.newKey();
    private static final String NEW = "k2:" + SecretBox.newKey();

    @Test
    void aSealedSecretOpensAndShowsNothingOfItself() {
        SecretBox box = SecretBox.of(OLD);
        String secret = WebhookSignature.newSecret();

        String sealed = box.seal(secret);

        assertTrue(sealed.startsWith("vgs1.k1."));
        assertFalse(sealed.contains(secret.substring(6, 20)));
        assertEquals(secret, box.open(sealed));
        assertNotEquals(sealed, box.seal(secret), "a key and an IV of its own each time");
    }

    @Test
    void aNewKeyFirstOpensWhatTheOldSealedAndRewrapsItSoTheOldKeyCanGo() {
        String secret = WebhookSignature.newSecret();
        String underOld = SecretBox.of(OLD).seal(secret);
        SecretBox rotating = SecretBox.of(NEW + "," + OLD);

        assertEquals(secret, rotating.open(underOld));
        assertTrue(rotating.stale(underOld));
        String underNew = rotating.rewrap(underOld);

        assertFalse(rotating.stale(underNew));
        assertEquals(secret, SecretBox.of(NEW).open(underNew));
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> SecretBox.of(NEW).open(underOld));
        assertTrue(gone.getMessage().contains("k1"), gone.getMessage());
    }

    @Test
    void aSecretStoredBeforeEncryptionIsReadAsItIsAndSealedByARewrap() {
        SecretBox box = SecretBox.of(OLD);
        String secret = WebhookSignature.newSecret();

        assertEquals(secret, box.open(secret));
        assertTrue(box.stale(secret));
        assertEquals(secret, box.open(box.rewrap(secret)));
        assertFalse(box.stale(box.rewrap(secret)));
    }

    @Test
    void anAlteredSealOrOneClaimingAnotherKeyDoesNotOpen() {
        String two = "k1:" + SecretBox.newKey() + ",k9:" + SecretBox.newKey();
        SecretBox box = SecretBox.of(two);
        String sealed = box.seal(WebhookSignature.newSecret());
        String[] parts = sealed.split("\\.");
        char last = parts[3].charAt(parts[3].length() - 2);
        String flipped = parts[3].substring(0, parts[3].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[3].charAt(parts[3].length() - 1);

        assertThrows(IllegalStateException.class, () -> box.open(String.join(".", parts[0], parts[1], parts[2],
                flipped)));
        assertThrows(IllegalStateException.class, () -> box.open(String.join(".", parts[0], "k9", parts[2],
                parts[3])));
        assertThrows(IllegalStateException.class, () -> box.open("vgs1.k1.only-three"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nokey", "k1:", "k1:not base64!", "k1:AAAA", "bad id:AAAA", "k1:%s,k1:%s"})
    void aMalformedKeyListIsRefusedWithoutShowingAKey(String configured) {
        String key = SecretBox.newKey();
        String list = configured.replace("%s", key);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SecretBox.of(list));

        assertFalse(refused.getMessage().contains(key));
    }
}

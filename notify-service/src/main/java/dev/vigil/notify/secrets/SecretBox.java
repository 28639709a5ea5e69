package dev.vigil.notify.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of endpoint secrets at rest. Each secret is encrypted with a key of its own (AES-256-GCM), and
 * that key is encrypted with a key-encryption key from configuration, named by an id. A sealed secret reads
 * {@code vgs1.<key id>.<wrapped key>.<ciphertext>} (base64url, each with its IV in front), so the database alone
 * gives neither the secret nor its key. The first configured key seals; every configured key opens, so a new key
 * can be put first while the old one still opens what it sealed, until {@link #rewrap} moved everything over.
 */
public final class SecretBox {
    static final String PREFIX = "vgs1";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final String activeId;
    private final Map<String, SecretKey> keys;

    private SecretBox(String activeId, Map<String, SecretKey> keys) {
        this.activeId = activeId;
        this.keys = keys;
    }

    /**
     * From {@code id:base64key,id:base64key}: the first seals, all open. Each key is 32 bytes (AES-256), an id is
     * letters, digits, {@code -} and {@code _}.
     *
     * @throws IllegalArgumentException naming what is wrong, never the key itself
     */
    public static SecretBox of(String configured) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "" : trimmed.substring(0, colon);
            if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("each key must read <id>:<base64 of 32 bytes>, with an id of"
                        + " letters, digits, - and _; entry " + (keys.size() + 1) + " does not");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + id + " is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + id + " has " + key.length + " bytes, not 32");
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("key " + id + " is named twice");
            }
        }
        return new SecretBox(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** A new key for configuration: 32 random bytes, base64. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String seal(String secret) {
        byte[] dataKey = new byte[KEY_BYTES];
        RANDOM.nextBytes(dataKey);
        byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), secret.getBytes(StandardCharsets.UTF_8),
                aad(activeId));
        return envelope(activeId, dataKey, ciphertext);
    }

    /**
     * The secret inside {@code sealed}. A value that is not sealed is a secret stored before encryption at rest and
     * is returned as it is, until {@link #rewrap} seals it.
     *
     * @throws IllegalStateException when no configured key opens it, or it was tampered with
     */
    public String open(String sealed) {
        if (!sealed.startsWith(PREFIX + ".")) {
            return sealed;
        }
        String[] parts = parts(sealed);
        byte[] dataKey = decrypt(key(parts[1]), DECODE.decode(parts[2]), aad(parts[1]));
        return new String(decrypt(new SecretKeySpec(dataKey, "AES"), DECODE.decode(parts[3]), aad(parts[1])),
                StandardCharsets.UTF_8);
    }

    /** True when {@link #rewrap} would change it: not sealed yet, or sealed under another key than the first. */
    public boolean stale(String sealed) {
        return !sealed.startsWith(PREFIX + "." + activeId + ".");
    }

    /**
     * The same secret under the first key: a value stored before encryption is sealed, one sealed under an older key
     * has its data key wrapped again (the ciphertext of the secret itself is kept).
     */
    public String rewrap(String sealed) {
        if (!sealed.startsWith(PREFIX + ".")) {
            return seal(sealed);
        }
        String[] parts = parts(sealed);
        byte[] dataKey = decrypt(key(parts[1]), DECODE.decode(parts[2]), aad(parts[1]));
        byte[] secret = decrypt(new SecretKeySpec(dataKey, "AES"), DECODE.decode(parts[3]), aad(parts[1]));
        return envelope(activeId, dataKey, encrypt(new SecretKeySpec(dataKey, "AES"), secret, aad(activeId)));
    }

    private String envelope(String keyId, byte[] dataKey, byte[] ciphertext) {
        byte[] wrapped = encrypt(keys.get(keyId), dataKey, aad(keyId));
        return String.join(".", PREFIX, keyId, ENCODE.encodeToString(wrapped), ENCODE.encodeToString(ciphertext));
    }

    private SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("a secret is sealed with key " + id + ", which is not configured"
                    + " (vigil.notify.secret-keys)");
        }
        return key;
    }

    private static String[] parts(String sealed) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 4) {
            throw new IllegalStateException("a sealed secret is malformed");
        }
        return parts;
    }

    /** Binds every ciphertext to the format and the key id it claims, so neither can be swapped. */
    private static byte[] aad(String keyId) {
        return (PREFIX + "." + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] ivAndCiphertext, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open with its key: altered, or the key changed",
                    e);
        }
    }
}

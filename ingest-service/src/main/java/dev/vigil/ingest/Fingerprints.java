package dev.vigil.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Identifies the failing thing: source, resource, check and the identifying labels, in a canonical order.
 * Annotations, severity, summary and times are left out, so a repeat of the same failure matches.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String of(String source, String resource, String check, Map<String, String> labels) {
        String canonical = new CanonicalText().add(source).add(resource).add(check).addEntries(labels).toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

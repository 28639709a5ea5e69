package dev.vigil.ingest.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Checks an SNS message's signature against SNS's certificate: SignatureVersion 1 is SHA1withRSA, 2 is
 * SHA256withRSA, each over {@link SnsMessage#stringToSign()}, the signature base64-encoded.
 */
public final class SnsSignature {
    private SnsSignature() {
    }

    /** The JCA algorithm of a SignatureVersion; any other version is refused, never guessed. */
    public static String algorithmOf(String signatureVersion) {
        return switch (signatureVersion) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new UntrustedMessageException("SignatureVersion", "must be 1 or 2");
        };
    }

    public static byte[] decoded(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new UntrustedMessageException("Signature", "is not base64");
        }
    }

    /** Returns normally only when {@code certificate}'s key signed exactly what {@code message} says. */
    public static void verify(SnsMessage message, X509Certificate certificate) {
        boolean valid;
        try {
            Signature signature = Signature.getInstance(algorithmOf(message.signatureVersion()));
            signature.initVerify(certificate);
            signature.update(message.stringToSign().getBytes(StandardCharsets.UTF_8));
            valid = signature.verify(decoded(message.signature()));
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new UntrustedMessageException("Signature",
                    "does not verify with the certificate at SigningCertURL: the message was not signed by SNS as sent");
        }
    }
}

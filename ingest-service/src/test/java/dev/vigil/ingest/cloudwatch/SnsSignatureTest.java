package dev.vigil.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.Json;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures made as AWS documents SNS making them verify with the certificate, and only unchanged. */
class SnsSignatureTest {
    private final SnsTestSigner sns = SnsTestSigner.get();
    private final X509Certificate certificate = SigningCertificates.parse(
            sns.certificatePem().getBytes(StandardCharsets.US_ASCII));

    @Test
    void bothVersionsVerifyForEveryTypeWithAndWithoutSubject() {
        Map<String, String> withoutSubject = sns.notification(CloudWatchAlarmTest.ALARM);
        withoutSubject.remove("Subject");
        for (String version : List.of("1", "2")) {
            verify(sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), version), "Notification");
            verify(sns.signed(withoutSubject, version), "Notification");
            verify(sns.signed(sns.confirmation("SubscriptionConfirmation", "t-1"), version), "SubscriptionConfirmation");
            verify(sns.signed(sns.confirmation("UnsubscribeConfirmation", "t-2"), version), "UnsubscribeConfirmation");
        }
    }

    @Test
    void changingAnySignedFieldBreaksTheSignatureAndAnUnsignedOneDoesNot() {
        ObjectNode notification = tree(sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "2"));
        for (String field : List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn")) {
            ObjectNode changed = notification.deepCopy();
            String value = field.equals("Timestamp") ? "2026-11-25T10:15:42.601Z"
                    : field.equals("TopicArn") ? SnsTestSigner.TOPIC + "x" : changed.get(field).asText() + "x";
            changed.put(field, value);
            assertEquals("Signature", assertThrows(UntrustedMessageException.class,
                    () -> verify(changed.toString(), "Notification"), field).field());
        }
        verify(notification.deepCopy().put("UnsubscribeURL", "https://sns.eu-west-1.amazonaws.com/other")
                .toString(), "Notification");
        ObjectNode confirmation = tree(sns.signed(sns.confirmation("SubscriptionConfirmation", "t-3"), "1"));
        for (String field : List.of("Token", "SubscribeURL")) {
            ObjectNode changed = confirmation.deepCopy().put(field, confirmation.get(field).asText() + "x");
            assertThrows(UntrustedMessageException.class,
                    () -> verify(changed.toString(), "SubscriptionConfirmation"), field);
        }
    }

    @Test
    void aVersionOtherThanOneOrTwoIsRefused() {
        ObjectNode notification = tree(sns.signed(sns.notification(CloudWatchAlarmTest.ALARM), "2"));
        assertEquals("SignatureVersion", assertThrows(UntrustedMessageException.class,
                () -> verify(notification.put("SignatureVersion", "0").toString(), "Notification")).field());
    }

    private void verify(String body, String type) {
        SnsSignature.verify(SnsMessage.read(tree(body), type), certificate);
    }

    private static ObjectNode tree(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

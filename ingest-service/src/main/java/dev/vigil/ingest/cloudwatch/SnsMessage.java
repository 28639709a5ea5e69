package dev.vigil.ingest.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.platform.validation.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One message an SNS HTTP(S) subscription posts, as AWS documents it: its type, the fields SNS signs, and the
 * signature. Fields are kept exactly as sent, because the signature is over that text.
 *
 * @param subject      null when the message has none (it is then not part of what is signed)
 * @param subscribeUrl null in a Notification
 * @param token        null in a Notification
 */
public record SnsMessage(
        Type type,
        String messageId,
        String topicArn,
        String subject,
        String message,
        String timestamp,
        Instant sentAt,
        String signatureVersion,
        String signature,
        String signingCertUrl,
        String subscribeUrl,
        String token) {

    /** The header SNS names the type in; it must agree with the body's Type. */
    public static final String TYPE_HEADER = "x-amz-sns-message-type";

    public enum Type {
        NOTIFICATION("Notification"),
        SUBSCRIPTION_CONFIRMATION("SubscriptionConfirmation"),
        UNSUBSCRIBE_CONFIRMATION("UnsubscribeConfirmation");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Optional<Type> fromWire(String wire) {
            return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
        }
    }

    /** SNS's message ids are UUIDs; a little room for other spellings, none for anything unprintable. */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    /** arn:<partition>:sns:<region>:<account>:<topic>, topic names being 1-256 of these (FIFO topics end .fifo). */
    private static final Pattern TOPIC_ARN = Pattern.compile(
            "arn:aws(-[a-z]+)*:sns:[a-z0-9-]{1,32}:[0-9]{12}:[A-Za-z0-9_-]{1,256}([.]fifo)?");

    /**
     * Reads the body SNS posted.
     *
     * @param typeHeader the {@value #TYPE_HEADER} header, or null when a client sent none
     */
    public static SnsMessage read(JsonNode body, String typeHeader) {
        if (!body.isObject()) {
            throw new InvalidInputException("$", "must be the JSON object Amazon SNS posts");
        }
        String typeText = required(body, "Type");
        Type type = Type.fromWire(typeText).orElseThrow(() -> new InvalidInputException("Type",
                "must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation"));
        if (typeHeader != null && !typeHeader.equals(typeText)) {
            throw new InvalidInputException(TYPE_HEADER, "must be the body's Type, " + typeText);
        }
        String messageId = required(body, "MessageId");
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new InvalidInputException("MessageId", "must be SNS's message id, a UUID");
        }
        String topicArn = required(body, "TopicArn");
        if (!TOPIC_ARN.matcher(topicArn).matches()) {
            throw new InvalidInputException("TopicArn", "must be an SNS topic's ARN, arn:aws:sns:<region>:<account>:<topic>");
        }
        String timestamp = required(body, "Timestamp");
        Instant sentAt;
        try {
            sentAt = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("Timestamp", "must be an ISO-8601 instant like 2026-11-25T03:12:45.123Z");
        }
        boolean notification = type == Type.NOTIFICATION;
        return new SnsMessage(type, messageId, topicArn, notification ? optional(body, "Subject") : null,
                required(body, "Message"), timestamp, sentAt, required(body, "SignatureVersion"),
                required(body, "Signature"), required(body, "SigningCertURL"),
                notification ? null : required(body, "SubscribeURL"), notification ? null : required(body, "Token"));
    }

    /**
     * The text SNS signs: each signed field's name and value, one a line, in this order. A Notification signs
     * Message, MessageId, Subject (only when present), Timestamp, TopicArn and Type; a subscription or unsubscribe
     * confirmation signs Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn and Type.
     */
    public String stringToSign() {
        StringBuilder text = new StringBuilder();
        line(text, "Message", message);
        line(text, "MessageId", messageId);
        if (type == Type.NOTIFICATION) {
            if (subject != null) {
                line(text, "Subject", subject);
            }
        } else {
            line(text, "SubscribeURL", subscribeUrl);
        }
        line(text, "Timestamp", timestamp);
        if (type != Type.NOTIFICATION) {
            line(text, "Token", token);
        }
        line(text, "TopicArn", topicArn);
        line(text, "Type", type.wire());
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append('\n').append(value).append('\n');
    }

    private static String required(JsonNode body, String field) {
        String value = optional(body, field);
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    private static String optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return value.asText();
    }
}

package dev.vigil.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an endpoint is reached, which decides the body it is sent. */
public enum Channel {
    /** A signed Standard Webhooks JSON POST, for the customer's own systems. */
    WEBHOOK,
    /** A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat): Block Kit JSON, signed as well. */
    SLACK,
    /** Email over the MSP's SMTP relay, HTML and plain text; its url is {@code mailto:}. */
    EMAIL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWire(String value) {
        return Arrays.stream(values()).filter(channel -> channel.wireName().equals(value)).findFirst();
    }
}

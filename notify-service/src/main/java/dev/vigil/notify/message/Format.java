package dev.vigil.notify.message;

import dev.vigil.notify.Channel;
import java.time.ZoneId;

/**
 * How messages to an endpoint are written: the body its channel takes, the language, and the time zone its times
 * are shown in. Endpoints with the same format get the same bytes for the same event.
 */
public record Format(Channel channel, Language language, ZoneId zone) {
    /** A JSON webhook in English with times in UTC, as endpoints were before they chose. */
    public static final Format DEFAULT = new Format(Channel.WEBHOOK, Language.EN, ZoneId.of("UTC"));
}

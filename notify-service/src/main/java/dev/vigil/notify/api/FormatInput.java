package dev.vigil.notify.api;

import dev.vigil.notify.Channel;
import dev.vigil.notify.message.Language;
import dev.vigil.platform.problem.ProblemException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads how an endpoint's messages are written from a request, naming the field of anything it cannot take. */
final class FormatInput {
    static final String CHANNELS = Arrays.stream(Channel.values()).map(Channel::wireName)
            .collect(Collectors.joining(", "));
    static final String LANGUAGES = Arrays.stream(Language.values()).map(Language::wireName)
            .collect(Collectors.joining(", "));

    private FormatInput() {
    }

    /** The channel given; a JSON webhook when not given. */
    static Channel channel(String given) {
        if (given == null) {
            return Channel.WEBHOOK;
        }
        return Channel.fromWire(given.strip())
                .orElseThrow(() -> ProblemException.invalid("channel", "must be one of " + CHANNELS));
    }

    /** The language given; null when not given. */
    static Language language(String given) {
        if (given == null) {
            return null;
        }
        return Language.fromWire(given.strip())
                .orElseThrow(() -> ProblemException.invalid("language", "must be one of " + LANGUAGES));
    }

    /** The IANA time zone given, such as Asia/Tokyo; null when not given. */
    static ZoneId zone(String given) {
        if (given == null) {
            return null;
        }
        try {
            return ZoneId.of(given.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Asia/Tokyo or UTC");
        }
    }
}

package dev.vigil.platform.validation;

import java.time.Instant;

/**
 * Instants Vigil can keep. PostgreSQL's {@code timestamptz} spans a narrower range than {@link Instant}, so a time
 * such as {@code +999999999-12-31T23:59:59Z} parses but cannot be stored. Such a time is refused where it enters,
 * with the field named, instead of failing a write (a 500) or a consumer later.
 */
public final class StorableInstant {
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RULE = "must lie between the years 0001 and 9999";

    private StorableInstant() {
    }

    public static boolean isStorable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }
}

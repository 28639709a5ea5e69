package dev.vigil.platform.paging;

import dev.vigil.platform.validation.StorableInstant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A row's place in a list ordered newest first: a time that never changes for the row, and its id to break ties.
 * Encoded, it is the opaque cursor a caller sends back; the next page starts strictly after it, so rows inserted
 * meanwhile neither shift a page nor appear twice.
 */
public record Keyset<K>(Instant at, K id) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public Keyset {
        Objects.requireNonNull(at);
        Objects.requireNonNull(id);
    }

    /** Microseconds, PostgreSQL's precision: a time read from a row survives the round trip exactly. */
    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return ENCODER.encodeToString((micros + "." + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The keyset of a cursor, or empty if {@code cursor} is not one {@link #encode()} made for this id type.
     * {@code idParser} refuses (throws, or returns null for) an id that could not be a row's.
     */
    public static <K> Optional<Keyset<K>> decode(String cursor, Function<String, K> idParser) {
        try {
            String text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
            int dot = text.indexOf('.');
            long micros = Long.parseLong(text.substring(0, dot));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (!StorableInstant.isStorable(at)) {
                return Optional.empty();
            }
            return Optional.of(new Keyset<>(at, Objects.requireNonNull(idParser.apply(text.substring(dot + 1)))));
        } catch (RuntimeException e) {
            // not base64, no dot, not a number, an id of the wrong type, a time out of range: all "not a cursor"
            return Optional.empty();
        }
    }
}

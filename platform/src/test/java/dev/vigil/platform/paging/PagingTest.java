package dev.vigil.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aCursorRoundTripsItsTimeToTheMicrosecondAndItsId() {
        Keyset<UUID> keyset = new Keyset<>(Instant.parse("2026-11-25T03:04:05.123456Z"), UUID.randomUUID());
        assertEquals(Optional.of(keyset), Keyset.decode(keyset.encode(), UUID::fromString));
        Keyset<String> early = new Keyset<>(Instant.parse("1969-12-31T23:59:59.999999Z"), "acme.eu");
        assertEquals(Optional.of(early), Keyset.decode(early.encode(), Function.identity()));
    }

    @Test
    void anythingElseIsNotACursor() {
        String textCursor = new Keyset<>(Instant.now(), "acme").encode();
        assertTrue(Keyset.decode(textCursor, UUID::fromString).isEmpty(), "an id of another type");
        assertTrue(Keyset.decode("not a cursor!", Function.identity()).isEmpty());
        assertTrue(Keyset.decode("", Function.identity()).isEmpty());
        assertTrue(Keyset.decode("MTIz", Function.identity()).isEmpty(), "base64 of 123: no id");
        String farFuture = Base64.getUrlEncoder().encodeToString(("9" + "0".repeat(17) + ".acme").getBytes());
        assertTrue(Keyset.decode(farFuture, Function.identity()).isEmpty(), "a time the database cannot hold");
        String strangeId = new Keyset<>(Instant.now(), "ac\u0000me").encode();
        assertTrue(Keyset.decode(strangeId, id -> id.contains("\u0000") ? null : id).isEmpty(), "an id refused");
    }

    @Test
    void aPageGivesACursorOnlyWhenTheStoreFoundMoreRowsThanTheLimit() {
        Instant now = Instant.now();
        Function<Integer, Keyset<?>> position = n -> new Keyset<>(now.minusSeconds(n), "row-" + n);
        PageRequest<String> request = PageRequest.first(2);

        Page<Integer> full = Page.of(List.of(1, 2, 3), request, position);
        assertEquals(List.of(1, 2), full.items());
        assertEquals(position.apply(2).encode(), full.nextCursor());

        Page<Integer> last = Page.of(List.of(1, 2), request, position);
        assertEquals(List.of(1, 2), last.items());
        assertNull(last.nextCursor());
    }
}

package dev.vigil.platform.paging;

import java.util.Optional;

/** How many rows a caller wants, and after which row; the first page has no {@code after}. */
public record PageRequest<K>(int limit, Optional<Keyset<K>> after) {
    public static <K> PageRequest<K> first(int limit) {
        return new PageRequest<>(limit, Optional.empty());
    }
}

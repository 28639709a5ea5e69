package dev.vigil.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest first, and the cursor of the next one ({@code null} on the last page). Every list
 * endpoint answers this shape.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of {@code fetched}, which a store read with {@code limit + 1} rows: the extra row only tells that
     * another page exists.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest<?> request, Function<T, Keyset<?>> position) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        return new Page<>(items, position.apply(items.get(items.size() - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

package io.linnet.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a cursor-paged list. The cursor is opaque to clients: it encodes the sort key of the
 * last item, so the next page starts right after it however the list changed in between.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * Builds a page from up to {@code limit + 1} rows: the extra row only tells that more follow.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> sortKey) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), Optional.empty());
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, Optional.of(encodeCursor(sortKey.apply(items.getLast()))));
    }

    /**
     * What a client asked for: how many items, and where to start (the decoded cursor, if any).
     */
    public record Request(int limit, Optional<String> after) {

        /** Checks a client's {@code limit} and {@code cursor}; absent ones mean the first page at the default size. */
        public static Request of(Integer limit, String cursor) {
            return new Request(checkLimit(limit), decodeCursor(cursor));
        }

        public static Request first(int limit) {
            return new Request(limit, Optional.empty());
        }

        /** Reads a decoded cursor that holds an id. */
        public static java.util.UUID uuidKey(String key) {
            try {
                return java.util.UUID.fromString(key);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("cursor is not valid; pass the nextCursor of the previous page");
            }
        }
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /** Checks a client's {@code limit}: absent means the default; out of range is bad input. */
    public static int checkLimit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw DomainException.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    public static String encodeCursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor; empty when there is none, bad input when it is not one of ours. */
    public static Optional<String> decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("cursor is not valid; pass the nextCursor of the previous page");
        }
    }
}

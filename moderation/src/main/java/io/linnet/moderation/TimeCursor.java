package io.linnet.moderation;

import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The sort key of the moderation lists, which are ordered by when an item was made and then by its
 * id: {@code time/id} inside a page cursor ({@link Page#encodeCursor}).
 */
record TimeCursor(OffsetDateTime time, UUID id) {

    static String key(Instant time, Object id) {
        return time.atOffset(ZoneOffset.UTC) + "/" + id;
    }

    static TimeCursor parse(String key) {
        String[] parts = key.split("/", 2);
        try {
            return new TimeCursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw DomainException.invalid("cursor is not valid; pass the nextCursor of the previous page");
        }
    }
}

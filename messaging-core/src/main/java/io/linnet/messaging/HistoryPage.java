package io.linnet.messaging;

import java.util.List;

/** A stretch of a conversation's history, in ascending seq; {@code hasMore} says that more lie in the asked direction. */
public record HistoryPage(List<Message> items, boolean hasMore) {

    public HistoryPage {
        items = List.copyOf(items);
    }
}

package io.linnet.server.architecture.planted.ledger;

import io.linnet.server.architecture.planted.ledger.internal.Entries;

/** The planted ledger module's API. */
public class Ledger {

    private final Entries entries = new Entries();

    public long balance() {
        return entries.sum();
    }
}

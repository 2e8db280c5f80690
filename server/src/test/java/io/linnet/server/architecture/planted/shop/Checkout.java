package io.linnet.server.architecture.planted.shop;

import io.linnet.server.architecture.planted.ledger.internal.Entries;

/** The planted violation: another module using the ledger's internals instead of its API. */
public class Checkout {

    public long total() {
        return new Entries().sum();
    }
}

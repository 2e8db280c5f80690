package io.linnet.server.architecture.planted.ledger.internal;

/** Internal to the planted ledger module: Java lets anyone call it, the module rules do not. */
public class Entries {

    public long sum() {
        return 0;
    }
}

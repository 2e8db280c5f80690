package io.linnet.push;

import io.linnet.tenancy.AppRef;

import java.util.List;
import java.util.Optional;

/**
 * What push did, in counts, as it happens: deliveries written for a job's devices (targeted), handed
 * to a provider for the first time (sent), accepted by it (delivered), failed for good (with the
 * reason), devices dropped for a dead token, and opens reported. Published once, in process, after
 * the change it counts was written (a page of a job's expansion, a batch of outcomes, an open), on
 * the node that wrote it; analytics meters pushes from it, so it never reads push's tables.
 */
public record PushActivity(List<Count> counts) {

    public PushActivity {
        counts = List.copyOf(counts);
    }

    /** The stages of a notification's way, as counted. */
    public enum Stage { TARGETED, SENT, DELIVERED, FAILED, DEAD_TOKEN, OPENED }

    /**
     * @param provider the provider it went (or was to go) through; empty for opens, which clients report per push
     * @param reason   why it failed, as the provider or Linnet said ({@code Unregistered}, {@code NoCredential}, ...);
     *                 empty for the other stages
     */
    public record Count(AppRef app, Stage stage, Optional<PushProvider> provider, String reason, long count) {
    }
}

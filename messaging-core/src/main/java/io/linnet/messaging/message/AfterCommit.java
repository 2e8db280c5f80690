package io.linnet.messaging.message;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Publishes an event once the current transaction has committed, and never if it rolls back. */
final class AfterCommit {

    private AfterCommit() {
    }

    static void publish(ApplicationEventPublisher events, Object event) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(event);
            }
        });
    }
}

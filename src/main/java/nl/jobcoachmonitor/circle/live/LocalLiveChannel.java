package nl.jobcoachmonitor.circle.live;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The in-process channel of a single instance (H2): hands a change to this instance's broadcaster after commit. */
final class LocalLiveChannel implements LiveChannel {

    private final LiveBroadcaster broadcaster;

    LocalLiveChannel(LiveBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Override
    public void publish(LiveChange change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    broadcaster.changed(change);
                }
            });
        } else {
            broadcaster.changed(change);
        }
    }
}

package io.newsdesk.caching;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * This instance's view of "has the database changed since?": a number that moves after every committed write,
 * ours (after the commit, before the writer's response is sent) or another instance's (when PostgreSQL delivers
 * the change notification, see {@link PostgresChanges}). The {@link RenderCache} keys its entries with it, so an
 * entry made before a write is never served after it.
 *
 * <p>{@link #current()} is negative while this instance cannot be sure to hear of every change (the PostgreSQL
 * listener is not connected): nothing is cached or served from the cache then.
 */
@ApplicationScoped
public class DataVersion {

    private final AtomicLong version = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;
    private volatile boolean trusted = true;

    DataVersion(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The current version, or -1 while changes may go unheard. */
    public long current() {
        long value = version.get();
        return trusted ? value : -1;
    }

    /**
     * Call inside the transaction of every write: the version moves once the transaction has ended (also if it
     * rolled back, which costs a cache refill and nothing else). {@code ended}, if not null, is told whether the
     * transaction committed (see {@link PostgresChanges#expect}), before the writer's answer is sent.
     */
    void written(Consumer<Boolean> ended) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                version.incrementAndGet();
                if (ended != null) {
                    ended.accept(status == Status.STATUS_COMMITTED);
                }
            }
        });
    }

    /** A change made elsewhere (another instance, or SQL run by hand) was announced. */
    void changed() {
        version.incrementAndGet();
    }

    /** Whether every change will be heard from now on; the version moves either way, dropping older entries. */
    void trust(boolean value) {
        version.incrementAndGet();
        trusted = value;
        version.incrementAndGet();
    }
}

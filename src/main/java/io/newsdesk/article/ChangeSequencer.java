package io.newsdesk.article;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.newsdesk.system.Daemons;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs {@link ChangeLog#sequence} on one thread of each instance: at once after every write of this instance
 * commits, and every {@value #TICK_MILLIS} ms for what other instances wrote (and did not number, say because
 * they stopped) and for embargoes that end. A failed round (the database is away) is logged and retried.
 */
@ApplicationScoped
class ChangeSequencer {

    private static final Logger LOG = Logger.getLogger(ChangeSequencer.class);
    static final long TICK_MILLIS = 250;

    private final ChangeLog log;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    ChangeSequencer(ChangeLog log) {
        this.log = log;
    }

    // last of the start-up observers: a start-up check that fails (and so never sees a shutdown) leaves no thread
    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        running = true;
        log.onCommit(wake::release);
        thread = Daemons.start("newsdesk-change-sequencer", this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(TICK_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && log.sequence() > 0) {
                    // numbered a batch: look again at once, there may be more
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("numbering the change log failed, retrying: %s", e.toString());
                    Daemons.pause(1_000);
                }
            }
        }
    }
}

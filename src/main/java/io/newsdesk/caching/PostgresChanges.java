package io.newsdesk.caching;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;

/**
 * Hears of every committed change to articles, categories and sources, made by any instance: the PostgreSQL
 * migration V4 adds statement triggers that {@code NOTIFY newsdesk_changes}, which PostgreSQL delivers when the
 * writing transaction commits. One thread holds one connection that LISTENs and moves {@link DataVersion} for
 * each notification. While that connection is down, {@link DataVersion} is untrusted (no caching), and after it
 * is back the version moves, so nothing cached before the gap is served after it.
 *
 * <p>H2 is embedded: one process owns the database, so this instance's own writes are all there is, and
 * {@link DataVersion#written()} already sees them.
 */
@ApplicationScoped
class PostgresChanges {

    static final String CHANNEL = "newsdesk_changes";
    private static final Logger LOG = Logger.getLogger(PostgresChanges.class);
    private static final int HEARTBEAT_MILLIS = 5_000;
    private static final long ANNOUNCEMENT_WAIT_MILLIS = 250;

    private final DataVersion version;
    private final InjectableInstance<AgroalDataSource> dataSources;
    private final boolean postgres;
    private final Map<Long, CountDownLatch> expected = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread thread;

    PostgresChanges(DataVersion version, @Any InjectableInstance<AgroalDataSource> dataSources,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres) {
        this.version = version;
        this.dataSources = dataSources;
        this.postgres = postgres;
    }

    boolean enabled() {
        return postgres;
    }

    /**
     * Call inside the writing transaction, with its id: the returned action, told after the commit, waits (at most
     * {@value #ANNOUNCEMENT_WAIT_MILLIS} ms, in case this instance is not listening) until this instance has heard
     * the commit's notification. PostgreSQL sends it to every listening instance at once, so after the wait the
     * others have it too, and a client that reads elsewhere after the writer's answer reads the write.
     */
    Consumer<Boolean> expect(long transaction) {
        CountDownLatch latch = expected.computeIfAbsent(transaction, t -> new CountDownLatch(1));
        return committed -> {
            try {
                if (committed && !latch.await(ANNOUNCEMENT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.debugf("No announcement of transaction %d within %d ms", transaction, ANNOUNCEMENT_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                expected.remove(transaction);
            }
        };
    }

    void start(@Observes StartupEvent event) {
        if (!postgres) {
            return;
        }
        version.trust(false);
        thread = new Thread(this::listen, "newsdesk-changes");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try (Connection connection = dataSources.getActive().getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                version.trust(true);
                LOG.debug("Listening for changes made by other instances");
                backoff = Duration.ofMillis(250);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(HEARTBEAT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        version.changed();
                        for (PGNotification notification : notifications) {
                            announced(notification.getParameter());
                        }
                    } else {
                        heartbeat(connection);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                version.trust(false);
                if (running) {
                    LOG.warnf("Not hearing of changes by other instances (%s); caching is off until the database"
                            + " answers again", e.getClass().getSimpleName());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                            : backoff.multipliedBy(2);
                }
            }
        }
        version.trust(false);
    }

    private void announced(String payload) {
        try {
            CountDownLatch latch = expected.get(Long.parseLong(payload));
            if (latch != null) {
                latch.countDown();
            }
        } catch (NumberFormatException e) {
            LOG.debugf("Change notification without a transaction id: %s", payload);
        }
    }

    /** A silent, broken connection would deliver no notifications and raise no error: ask something. */
    private static void heartbeat(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("select 1");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

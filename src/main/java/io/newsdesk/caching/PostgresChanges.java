package io.newsdesk.caching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * <p>PostgreSQL sends a notification to every listener at once, but each instance's thread takes its own time to
 * read it: an instance under load could still serve a page the write changed to a client who already has the
 * writer's answer. So every listener, once it has moved its version, confirms the transaction ids it heard on
 * {@code newsdesk_heard}, and the instance that wrote answers only after every listener connected when it wrote
 * (counted in {@code pg_stat_activity} by {@value #APPLICATION_NAME}) has confirmed, or after
 * {@value #CONFIRMATION_WAIT_MILLIS} ms.
 *
 * <p>H2 is embedded: one process owns the database, so this instance's own writes are all there is, and
 * {@link DataVersion#written()} already sees them.
 */
@ApplicationScoped
class PostgresChanges {

    static final String CHANNEL = "newsdesk_changes";
    static final String CONFIRMATIONS = "newsdesk_heard";
    static final String APPLICATION_NAME = "newsdesk-listener";
    /** The writing transaction's id and how many other instances listen, in the one round trip a write makes. */
    private static final String TRANSACTION_AND_LISTENERS = "select txid_current() as \"transaction\", (select"
            + " count(*) from pg_stat_activity where application_name = '" + APPLICATION_NAME + "' and datname ="
            + " current_database() and pid <> %d) as \"listeners\"";
    /** Own transactions not yet heard of: more than this many (a long outage of the listener) are forgotten. */
    private static final int MAX_OWN = 100_000;

    private static final Logger LOG = Logger.getLogger(PostgresChanges.class);
    private static final int HEARTBEAT_MILLIS = 5_000;
    private static final long CONFIRMATION_WAIT_MILLIS = 250;
    /** pg_notify payloads must stay under 8000 bytes. */
    private static final int MAX_PAYLOAD = 7_000;

    private final DataVersion version;
    private final InjectableInstance<AgroalDataSource> dataSources;
    private final boolean postgres;
    private final Map<Long, CountDownLatch> expected = new ConcurrentHashMap<>();
    /**
     * This instance's committed writes whose notification the listener has not read yet: this instance moved its
     * version for them already and waits for no confirmation of them, so the listener neither moves the version
     * again nor confirms them (nobody else waits for them).
     */
    private final Set<Long> own = ConcurrentHashMap.newKeySet();
    /** The server process of the listening connection, which a writer does not count (0: not connected). */
    private volatile int listenerPid;

    private volatile boolean running = true;
    private Thread thread;

    PostgresChanges(
            DataVersion version,
            @Any InjectableInstance<AgroalDataSource> dataSources,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres) {
        this.version = version;
        this.dataSources = dataSources;
        this.postgres = postgres;
    }

    boolean enabled() {
        return postgres;
    }

    /**
     * Call inside the writing transaction, with its id and the number of listening instances (both from
     * {@link #transactionAndListeners()}): the returned action, told after the commit, waits (at most
     * {@value #CONFIRMATION_WAIT_MILLIS} ms, in case an instance is stuck) until every one of them has confirmed
     * that it heard the commit and moved its version, so a client that reads anywhere after the writer's answer
     * reads the write.
     */
    Consumer<Boolean> expect(long transaction, int listeners) {
        if (own.size() > MAX_OWN) {
            own.clear(); // a listener away for long: at worst, some of our own writes are confirmed needlessly
        }
        own.add(transaction);
        if (listeners <= 0) {
            return committed -> {
                if (!committed) {
                    own.remove(transaction); // a rolled-back write notifies nobody
                }
            };
        }
        CountDownLatch latch = expected.computeIfAbsent(transaction, t -> new CountDownLatch(listeners));
        return committed -> {
            if (!committed) {
                own.remove(transaction);
            }
            try {
                if (committed && !latch.await(CONFIRMATION_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.debugf(
                            "%d of %d instances did not confirm transaction %d within %d ms",
                            latch.getCount(), listeners, transaction, CONFIRMATION_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                expected.remove(transaction);
            }
        };
    }

    /**
     * The query for the writing transaction's id and the number of other instances listening (this instance's own
     * listener is not waited for: its writes move its version when they end).
     */
    String transactionAndListeners() {
        return transactionAndListeners(listenerPid);
    }

    /** The same query for a writer whose own listener has the server process {@code except} (0: none). */
    static String transactionAndListeners(int except) {
        return String.format(Locale.ROOT, TRANSACTION_AND_LISTENERS, except);
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
                try {
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        // named, so that writers can count the listeners; confirmations need no durable commit;
                        // the server drops the session of an instance that vanished without closing it
                        statement.execute("set application_name = '" + APPLICATION_NAME + "'");
                        statement.execute("set synchronous_commit = off");
                        statement.execute("set tcp_keepalives_idle = 10");
                        statement.execute("set tcp_keepalives_interval = 2");
                        statement.execute("set tcp_keepalives_count = 3");
                        statement.execute("LISTEN " + CHANNEL);
                        statement.execute("LISTEN " + CONFIRMATIONS);
                        try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
                            pid.next();
                            listenerPid = pid.getInt(1);
                        }
                    }
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    version.trust(true);
                    LOG.debug("Listening for changes made by other instances");
                    backoff = Duration.ofMillis(250);
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(HEARTBEAT_MILLIS);
                        if (notifications != null && notifications.length > 0) {
                            received(connection, notifications);
                        } else {
                            heartbeat(connection);
                        }
                    }
                } finally {
                    listenerPid = 0;
                    own.clear();
                    if (running) {
                        release(connection);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                version.trust(false);
                if (running) {
                    LOG.warnf(
                            "Not hearing of changes by other instances (%s); caching is off until the database"
                                    + " answers again",
                            e.getClass().getSimpleName());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                            ? Duration.ofSeconds(5)
                            : backoff.multipliedBy(2);
                }
            }
        }
        version.trust(false);
    }

    /** Changes first move the version, then are confirmed; confirmations release the writers waiting for them. */
    private void received(Connection connection, PGNotification[] notifications) throws SQLException {
        StringBuilder heard = new StringBuilder();
        for (PGNotification notification : notifications) {
            if (CHANNEL.equals(notification.getName()) && !own.remove(transaction(notification.getParameter()))) {
                heard.append(heard.length() == 0 ? "" : ",").append(notification.getParameter());
            }
        }
        if (heard.length() > 0) {
            version.changed();
            confirm(connection, heard.toString());
        }
        for (PGNotification notification : notifications) {
            if (CONFIRMATIONS.equals(notification.getName())) {
                for (String transaction : notification.getParameter().split(",")) {
                    confirmed(transaction);
                }
            }
        }
    }

    private static void confirm(Connection connection, String transactions) throws SQLException {
        int start = 0;
        while (start < transactions.length()) {
            int end = transactions.length();
            if (end - start > MAX_PAYLOAD) {
                end = transactions.lastIndexOf(',', start + MAX_PAYLOAD);
            }
            try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
                statement.setString(1, CONFIRMATIONS);
                statement.setString(2, transactions.substring(start, end));
                statement.execute();
            }
            start = end + 1;
        }
    }

    private void confirmed(String payload) {
        CountDownLatch latch = expected.get(transaction(payload));
        if (latch != null) {
            latch.countDown();
        }
    }

    /** The transaction id a payload names, or -1 (never an id) when it names none. */
    private static long transaction(String payload) {
        try {
            return Long.parseLong(payload.trim());
        } catch (NumberFormatException | NullPointerException e) {
            LOG.debugf("A notification without a transaction id: %s", payload);
            return -1;
        }
    }

    /** The connection goes back to the pool: it must not keep listening, nor be counted as a listener. */
    private static void release(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("reset all");
        } catch (SQLException | RuntimeException e) {
            LOG.debugf(
                    "Could not reset the listening connection (%s)",
                    e.getClass().getSimpleName());
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

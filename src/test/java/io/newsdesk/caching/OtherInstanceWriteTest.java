package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Writes another instance makes reach this instance's render cache: the "other instance" is two JDBC connections
 * of its own to the same PostgreSQL database, doing what an instance does for a write: count the listening
 * instances and commit the statements on one, then, before it answers, wait on the other (which LISTENs) until
 * every listening instance has confirmed the commit. The next read of a URL cached before the write must show
 * it. PostgreSQL only: the embedded H2 database belongs to one process, so
 * there is no other instance to hear from (the suite runs on PostgreSQL in CI).
 */
@QuarkusTest
class OtherInstanceWriteTest extends CachingSupport {

    private Connection otherInstance;
    private Connection otherInstanceListening;

    @BeforeEach
    void connectAsAnotherInstance() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Assumptions.assumeTrue(
                config.getValue("quarkus.datasource.pg.active", Boolean.class),
                "cross-instance invalidation needs PostgreSQL (set NEWSDESK_DB_URL)");
        otherInstance = connect(config);
        otherInstance.setAutoCommit(false);
        otherInstanceListening = connect(config);
        try (Statement statement = otherInstanceListening.createStatement()) {
            statement.execute("LISTEN " + PostgresChanges.CONFIRMATIONS);
        }
    }

    private static Connection connect(Config config) throws SQLException {
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.pg.jdbc.url", String.class),
                config.getValue("quarkus.datasource.pg.username", String.class),
                config.getOptionalValue("quarkus.datasource.pg.password", String.class)
                        .orElse(""));
    }

    @AfterEach
    void disconnect() throws SQLException {
        if (otherInstance != null) {
            otherInstance.close();
            otherInstanceListening.close();
        }
    }

    @Test
    void shouldShowEveryEditCommittedElsewhereOnTheNextRead() throws SQLException {
        Newsroom newsroom = newsroom(2);
        long id = newsroom.ids().get(1);
        for (int round = 0; round < 25; round++) {
            ok(newsroom.articles("rss"), "rss");
            ok(newsroom.articles("rss"), "rss");
            ok("/v1/articles/" + id, "json");
            String title = "Edited elsewhere " + round;
            update("update article set title = ?, updated_at = now(), version = version + 1 where id = ?", title, id);
            List<String> feed =
                    Titles.of("rss", ok(newsroom.articles("rss"), "rss").asByteArray());
            assertTrue(feed.contains(title), "round " + round + ": the feed shows " + feed);
            assertEquals(title, ok("/v1/articles/" + id, "json").jsonPath().getString("title"), "round " + round);
        }
    }

    @Test
    void shouldShowADeleteCommittedElsewhereOnTheNextRead() throws SQLException {
        Newsroom newsroom = newsroom(3);
        String url = newsroom.articles("json");
        assertEquals(3, ok(url, "json").jsonPath().getList("items").size());
        update("delete from article where id = ?", newsroom.ids().get(0));
        assertEquals(2, ok(url, "json").jsonPath().getList("items").size());
        get("/v1/articles/" + newsroom.ids().get(0)).then().statusCode(404);
    }

    /** One write as another instance makes it: commit, then wait until every listening instance confirmed it. */
    private void update(String sql, Object... parameters) throws SQLException {
        long transaction;
        int listeners;
        try (Statement statement = otherInstance.createStatement();
                ResultSet row = statement.executeQuery(PostgresChanges.transactionAndListeners(0))) {
            row.next();
            transaction = row.getLong(1);
            listeners = row.getInt(2);
        }
        assertTrue(listeners >= 1, "this instance listens for changes");
        try (PreparedStatement statement = otherInstance.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate());
        }
        otherInstance.commit();
        PGConnection listening = otherInstanceListening.unwrap(PGConnection.class);
        int confirmations = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            PGNotification[] notifications = listening.getNotifications(1000);
            for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                if (List.of(notification.getParameter().split(",")).contains(Long.toString(transaction))
                        && ++confirmations == listeners) {
                    return;
                }
            }
        }
        fail(confirmations + " of " + listeners + " listening instances confirmed transaction " + transaction
                + " within 5 s");
    }
}

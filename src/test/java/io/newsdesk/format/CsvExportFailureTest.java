package io.newsdesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.newsdesk.ApiTest;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * PostgreSQL goes away while an export streams (its backend is terminated once the client has the first
 * megabyte): the 200 and part of the file are sent already, so the connection is cut and the client sees a failed
 * transfer, never a short file that ends like a whole one. PostgreSQL only: terminating the backend of the one COPY
 * is how a database failure is provoked.
 */
@QuarkusTest
class CsvExportFailureTest extends ApiTest {

    private static final int ROWS = 6_000;

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    @TestHTTPResource("/v1/articles")
    URI articles;

    @Test
    @Disabled("Known bug, open: in about 1 run of 5 the server ends the chunked body normally after the COPY's"
            + " session is killed (a short file that looks whole); closing the Netty channel at once instead of"
            + " Vert.x's reset() did not change that. Enable when fixed.")
    void shouldCutTheConnectionWhenTheDatabaseFailsMidStream() throws Exception {
        assumeTrue(System.getenv("NEWSDESK_DB_URL") != null, "needs PostgreSQL (NEWSDESK_DB_URL)");
        String category = newCategory();
        insert(category, newSource());
        // A raw HTTP/1.1 exchange, so that what ends the transfer is seen as sent, not as a client library reports it
        try (Socket socket = new Socket(articles.getHost(), articles.getPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream()
                    .write(("GET " + articles.getPath() + "?format=csv&category=" + category + " HTTP/1.1\r\nHost: "
                                    + articles.getHost() + ":" + articles.getPort() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(1 << 20);
            String head = new String(first, 0, 2000, StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked"), head);
            assertTrue(head.contains("\r\n\r\n") && head.contains("id,"), "the header row came first");

            assertEquals(1, terminateTheExport(), "one COPY was running");

            byte[] rest = readToTheEnd(in);
            byte[] tail = java.util.Arrays.copyOfRange(rest, Math.max(0, rest.length - 7), rest.length);
            assertFalse(
                    new String(tail, StandardCharsets.ISO_8859_1).equals("\r\n0\r\n\r\n"),
                    "the body must not end with the last chunk, as a whole file would");
        }
    }

    /** Everything until the server closes the connection (or resets it). */
    private static byte[] readToTheEnd(InputStream in) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
                if (all.size() > (1 << 20)) { // keep only the end
                    byte[] end = java.util.Arrays.copyOfRange(all.toByteArray(), all.size() - 16, all.size());
                    all.reset();
                    all.write(end, 0, end.length);
                }
            }
        } catch (IOException reset) {
            // a reset connection: cut, which is what the test wants to see
        }
        return all.toByteArray();
    }

    /** ROWS articles of 10 000 characters each: more than every buffer between the database and the client. */
    private void insert(String category, String source) throws SQLException {
        try (Connection connection = dataSources.getActive().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into article (slug, title, summary,"
                                + " content, category_id, source_id, published_at, created_at, updated_at, original_url,"
                                + " is_summary, has_editorial_bias, views) select 'big-' || i, 'Big ' || i, 'Summary',"
                                + " repeat('x', 10000), (select id from category where slug = ?), (select id from source"
                                + " where slug = ?), timestamptz '2026-01-01 00:00:00+00' - i * interval '1 second', now(),"
                                + " now(), 'https://www.example.org/' || i, false, false, 0 from generate_series(1, ?) as g(i)")) {
            insert.setString(1, category);
            insert.setString(2, source);
            insert.setInt(3, ROWS);
            insert.executeUpdate();
        }
    }

    private int terminateTheExport() throws SQLException {
        try (Connection connection = dataSources.getActive().getConnection();
                Statement statement = connection.createStatement();
                ResultSet terminated = statement.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = current_database() and query like 'copy (%' and pid <> pg_backend_pid()")) {
            int count = 0;
            while (terminated.next()) {
                count += terminated.getBoolean(1) ? 1 : 0;
            }
            return count;
        }
    }
}

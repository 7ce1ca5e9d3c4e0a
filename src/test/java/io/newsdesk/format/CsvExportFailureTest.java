package io.newsdesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

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
    void shouldCutTheConnectionWhenTheDatabaseFailsMidStream() throws Exception {
        assumeTrue(System.getenv("NEWSDESK_DB_URL") != null, "needs PostgreSQL (NEWSDESK_DB_URL)");
        String category = newCategory();
        insert(category, newSource());
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(articles + "?format=csv&category=" + category))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertEquals(200, response.statusCode());
            byte[] first = body.readNBytes(1 << 20);
            assertTrue(new String(first, 0, 3, StandardCharsets.US_ASCII).equals("id,"), "the header came first");

            assertEquals(1, terminateTheExport(), "one COPY was running");

            assertThrows(IOException.class, () -> body.transferTo(OutputStream.nullOutputStream()));
        }
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

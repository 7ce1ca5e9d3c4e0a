package io.newsdesk.article;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Inserts new articles with one JDBC batch, inside the caller's transaction: on PostgreSQL the driver sends the
 * whole batch in one round trip and answers each generated id with it, so writing a thousand articles costs
 * about what writing one does, in round trips. Hibernate would send one insert per article (an identity id
 * cannot be batched through it).
 */
@ApplicationScoped
class ArticleInserts {

    private static final String INSERT = "insert into article (slug, title, summary, content, category_id,"
            + " source_id, published_at, created_at, updated_at, original_url, is_summary, has_editorial_bias)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database database;
    /** The generated column to answer: H2 knows it by its upper-case name. */
    private final String[] id;

    ArticleInserts(
            Database database,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres) {
        this.database = database;
        this.id = new String[] {postgres ? "id" : "ID"};
    }

    /** Inserts the articles in this order; their ids, in the same order. */
    long[] insert(List<NewArticle> articles) {
        return database.jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT, id)) {
                for (NewArticle article : articles) {
                    bind(insert, article);
                    insert.addBatch();
                }
                insert.executeBatch();
                return ids(insert, articles.size());
            }
        });
    }

    private static void bind(PreparedStatement insert, NewArticle article) throws SQLException {
        ArticleInput input = article.input();
        insert.setString(1, article.slug());
        insert.setString(2, input.title());
        insert.setString(3, input.summary());
        insert.setString(4, input.content());
        insert.setLong(5, article.placement().categoryId());
        insert.setLong(6, article.placement().sourceId());
        setInstant(insert, 7, input.publishedAt());
        setInstant(insert, 8, article.at());
        setInstant(insert, 9, article.at());
        insert.setString(10, input.originalUrl());
        insert.setBoolean(11, input.isSummary());
        insert.setBoolean(12, input.hasEditorialBias());
    }

    private static long[] ids(PreparedStatement insert, int count) throws SQLException {
        long[] ids = new long[count];
        int found = 0;
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next() && found < count) {
                ids[found++] = keys.getLong(1);
            }
        }
        if (found != count) {
            throw new IllegalStateException("the database answered " + found + " ids for " + count + " articles");
        }
        return ids;
    }

    /** An instant as JDBC binds a {@code timestamp with time zone} on both databases, null as SQL null. */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}

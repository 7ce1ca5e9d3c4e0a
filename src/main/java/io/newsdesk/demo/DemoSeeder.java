package io.newsdesk.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.newsdesk.article.ArticleSlugs;
import io.newsdesk.caching.ContentChanges;
import io.newsdesk.system.Database;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * Writes the demo newsroom on first start: when enabled and the database has never been seeded and holds no
 * categories. One transaction, so a crash mid-way leaves nothing and the next start tries again.
 */
@ApplicationScoped
class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    private final Database database;
    private final DemoConfig config;
    private final boolean embedded;
    private final ContentChanges changes;

    DemoSeeder(
            Database database,
            DemoConfig config,
            ContentChanges changes,
            @ConfigProperty(name = "quarkus.datasource.h2.active", defaultValue = "true") boolean embedded) {
        this.database = database;
        this.changes = changes;
        this.config = config;
        this.embedded = embedded;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled().orElse(embedded) || !isEmpty()) {
            return;
        }
        changes.written();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em().createNativeQuery("insert into demo_seed (id, seeded_at) values (1, :now)")
                .setParameter("now", now)
                .executeUpdate();
        for (DemoCategory demo : DemoCatalog.categories()) {
            em().createNativeQuery("insert into category (slug, name, created_at, updated_at)"
                            + " values (:slug, :name, :now, :now)")
                    .setParameter("slug", demo.slug())
                    .setParameter("name", demo.name())
                    .setParameter("now", now)
                    .executeUpdate();
        }
        for (DemoSource demo : DemoCatalog.sources()) {
            em().createNativeQuery("insert into source (slug, name, url, created_at, updated_at)"
                            + " values (:slug, :name, :url, :now, :now)")
                    .setParameter("slug", demo.slug())
                    .setParameter("name", demo.name())
                    .setParameter("url", demo.url())
                    .setParameter("now", now)
                    .executeUpdate();
        }
        Map<String, Long> categories = ids("category");
        Map<String, Long> sources = ids("source");
        int count = 0;
        for (DemoArticle demo : DemoCatalog.articles(now, config.articles())) {
            insert(demo, categories.get(demo.categorySlug()), sources.get(demo.sourceSlug()), now);
            count++;
        }
        LOG.infof(
                "Demo content written: %d categories, %d sources, %d articles",
                categories.size(), sources.size(), count);
    }

    private boolean isEmpty() {
        Number seeded = (Number)
                em().createNativeQuery("select count(*) from demo_seed").getSingleResult();
        Number categories =
                (Number) em().createNativeQuery("select count(*) from category").getSingleResult();
        return seeded.longValue() == 0 && categories.longValue() == 0;
    }

    /** Slug to id of every row of {@code table} (category or source). */
    private Map<String, Long> ids(String table) {
        Map<String, Long> ids = new HashMap<>();
        for (Object row : em().createNativeQuery("select slug, id from " + table, Tuple.class)
                .getResultList()) {
            Tuple tuple = (Tuple) row;
            ids.put(tuple.get("slug", String.class), ((Number) tuple.get("id")).longValue());
        }
        return ids;
    }

    /**
     * One article, in SQL: the demo writes rows as a migration would, so the entities stay inside their
     * features. Its time of change is its publication, so that the demo's validators do not move per start.
     */
    private void insert(DemoArticle demo, long category, long source, Instant now) {
        Instant published = demo.publishedAt().truncatedTo(ChronoUnit.MICROS);
        em().createNativeQuery("insert into article (slug, title, summary, content, category_id, source_id,"
                        + " published_at, created_at, updated_at, original_url, is_summary, has_editorial_bias, views,"
                        + " version) values (:slug, :title, :summary, :content, :category, :source, :published, :now,"
                        + " :published, :url, :isSummary, :bias, :views, 0)")
                .setParameter("slug", ArticleSlugs.of(demo.title()))
                .setParameter("title", demo.title())
                .setParameter("summary", demo.summary())
                .setParameter("content", demo.content())
                .setParameter("category", category)
                .setParameter("source", source)
                .setParameter("published", published)
                .setParameter("now", now)
                .setParameter("url", demo.originalUrl())
                .setParameter("isSummary", demo.isSummary())
                .setParameter("bias", demo.hasEditorialBias())
                .setParameter("views", demo.views())
                .executeUpdate();
    }

    private EntityManager em() {
        return database.em();
    }
}

package io.newsdesk.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.newsdesk.article.Article;
import io.newsdesk.article.ArticleSlugs;
import io.newsdesk.caching.ContentChanges;
import io.newsdesk.catalog.Category;
import io.newsdesk.catalog.Source;
import io.newsdesk.system.Database;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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

    DemoSeeder(Database database, DemoConfig config, ContentChanges changes,
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
                .setParameter("now", now).executeUpdate();
        Map<String, Category> categories = new HashMap<>();
        for (DemoCategory demo : DemoCatalog.categories()) {
            Category category = new Category();
            category.slug = demo.slug();
            category.name = demo.name();
            category.createdAt = now;
            category.updatedAt = now;
            em().persist(category);
            categories.put(demo.slug(), category);
        }
        Map<String, Source> sources = new HashMap<>();
        for (DemoSource demo : DemoCatalog.sources()) {
            Source source = new Source();
            source.slug = demo.slug();
            source.name = demo.name();
            source.url = demo.url();
            source.createdAt = now;
            source.updatedAt = now;
            em().persist(source);
            sources.put(demo.slug(), source);
        }
        int count = 0;
        for (DemoArticle demo : DemoCatalog.articles(now, config.articles())) {
            em().persist(article(demo, categories.get(demo.categorySlug()), sources.get(demo.sourceSlug()), now));
            count++;
        }
        LOG.infof("Demo content written: %d categories, %d sources, %d articles", categories.size(),
                sources.size(), count);
    }

    private boolean isEmpty() {
        Number seeded = (Number) em().createNativeQuery("select count(*) from demo_seed").getSingleResult();
        Long categories = em().createQuery("select count(c) from Category c", Long.class).getSingleResult();
        return seeded.longValue() == 0 && categories == 0;
    }

    private static Article article(DemoArticle demo, Category category, Source source, Instant now) {
        Article article = new Article();
        article.title = demo.title();
        article.slug = ArticleSlugs.of(demo.title());
        article.summary = demo.summary();
        article.content = demo.content();
        article.category = category;
        article.source = source;
        article.publishedAt = demo.publishedAt().truncatedTo(ChronoUnit.MICROS);
        article.createdAt = now;
        article.updatedAt = demo.publishedAt().truncatedTo(ChronoUnit.MICROS);
        article.originalUrl = demo.originalUrl();
        article.isSummary = demo.isSummary();
        article.hasEditorialBias = demo.hasEditorialBias();
        article.views = demo.views();
        return article;
    }

    private EntityManager em() {
        return database.em();
    }
}

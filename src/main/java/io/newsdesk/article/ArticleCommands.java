package io.newsdesk.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.newsdesk.body.BodyFields;
import io.newsdesk.caching.ContentChanges;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Article writes. Each runs in one transaction: input checked whole first (every bad field reported at once),
 * then written; a failure anywhere rolls everything back, so a refused write changes nothing.
 */
@ApplicationScoped
class ArticleCommands {

    private final Database database;
    private final ContentChanges changes;
    private final ChangeLog log;

    ArticleCommands(Database database, ContentChanges changes, ChangeLog log) {
        this.database = database;
        this.changes = changes;
        this.log = log;
    }

    /**
     * The article as written (id, version and all columns as a read of it gives them: timestamps are kept to
     * the microsecond the database stores), so that the answer needs no read back.
     */
    @Transactional
    WrittenArticle create(BodyFields fields) {
        Article article = new Article();
        article.createdAt = now();
        Placement placement = apply(article, fields);
        article.slug = ArticleSlugs.of(article.title);
        em().persist(article);
        em().flush();
        log.written(article.id, null, placed(article), Embargoes.now());
        changes.written();
        return WrittenArticle.of(article, placement);
    }

    /** Replaces the article; with If-Match, only if it names the current version (else 412, nothing written). */
    @Transactional
    void update(long id, BodyFields fields, String ifMatch) {
        Article article = locked(id, ifMatch);
        Change.Placed before = placed(article);
        apply(article, fields);
        Change.Placed after = placed(article);
        Instant now = Embargoes.now();
        // the removal watermark is public (every Last-Modified follows it): an article still under embargo
        // leaves no selection the public can see, so moving it must not move the watermark
        if (!before.equals(after) && !before.publishedAt().isAfter(now)) {
            changes.removed();
        }
        log.written(id, before, after, now);
        changes.written();
    }

    @Transactional
    void delete(long id, String ifMatch) {
        Article article = locked(id, ifMatch);
        Instant now = Embargoes.now();
        log.written(id, placed(article), null, now);
        em().remove(article);
        if (!article.publishedAt.isAfter(now)) {
            changes.removed();
        }
        changes.written();
    }

    /** The article, locked for this transaction, after checking If-Match against its current version. */
    private Article locked(long id, String ifMatch) {
        Article article = em().find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw notFound(id);
        }
        IfMatch.require(ifMatch, ArticleFreshness.tagPrefix(id, article.version));
        return article;
    }

    /** Counts one view; the count is not an edit, so it changes neither updatedAt nor the version. */
    @Transactional
    long view(long id) {
        // an article under embargo does not exist for the public: counting a view of it would tell that it does
        int updated = em().createQuery("update Article a set a.views = a.views + 1 where a.id = :id"
                        + " and a.publishedAt <= :visibleAt")
                .setParameter("id", id)
                .setParameter("visibleAt", Embargoes.now())
                .executeUpdate();
        if (updated == 0) {
            throw notFound(id);
        }
        changes.written();
        return em().createQuery("select a.views from Article a where a.id = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
    }

    /** Checks the input whole (every bad field at once), then writes it into the article; where it is filed. */
    private Placement apply(Article article, BodyFields fields) {
        ArticleInput input = ArticleInput.from(fields);
        Placement placement = input.category() == null || input.source() == null ? null : placement(input);
        if (placement == null) {
            if (input.category() != null && !exists("Category", input.category())) {
                fields.error("category", "no category has slug '" + input.category() + "'; see /v1/categories.");
            }
            if (input.source() != null && !exists("Source", input.source())) {
                fields.error("source", "no source has slug '" + input.source() + "'; see /v1/sources.");
            }
        }
        fields.check();
        if (placement == null) {
            throw new IllegalStateException("an article input without both slugs passed its checks");
        }
        article.title = input.title();
        article.summary = input.summary();
        article.content = input.content();
        article.fileUnder(em(), placement.categoryId(), placement.sourceId());
        article.publishedAt = input.publishedAt();
        article.originalUrl = input.originalUrl();
        article.isSummary = input.isSummary();
        article.hasEditorialBias = input.hasEditorialBias();
        article.updatedAt = now();
        return placement;
    }

    /** Category and source in one round trip, or null when either slug is unknown. */
    private Placement placement(ArticleInput input) {
        return em().createQuery(Placement.BY_SLUGS, Placement.class)
                .setParameter("category", input.category())
                .setParameter("source", input.source())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private boolean exists(String entity, String slug) {
        return !em().createQuery("select e.id from " + entity + " e where e.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static Change.Placed placed(Article article) {
        return new Change.Placed(article.categoryId(), article.sourceId(), article.publishedAt);
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("No article with id " + id + "; it may have been deleted.");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private EntityManager em() {
        return database.em();
    }
}

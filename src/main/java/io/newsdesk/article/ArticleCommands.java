package io.newsdesk.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.newsdesk.auth.HeldClaims;
import io.newsdesk.body.BodyFields;
import io.newsdesk.body.BodyLine;
import io.newsdesk.caching.ContentChanges;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Article writes. Each runs in one transaction: input checked whole first (every bad field reported at once),
 * then written; a failure anywhere rolls everything back, so a refused write changes nothing. Creates, one or a
 * bulk import's thousand, cost the same few round trips: one query for the slugs, one batch of inserts
 * ({@link ArticleInserts}), one batch of change-log rows, the data version; single creates that arrive together
 * are written together ({@link CreateQueue}).
 */
@ApplicationScoped
class ArticleCommands {

    private final Database database;
    private final ContentChanges changes;
    private final ChangeLog log;
    private final ArticleInserts inserts;
    private final HeldClaims heldClaims;

    ArticleCommands(
            Database database, ContentChanges changes, ChangeLog log, ArticleInserts inserts, HeldClaims heldClaims) {
        this.database = database;
        this.changes = changes;
        this.log = log;
        this.inserts = inserts;
        this.heldClaims = heldClaims;
    }

    /** What became of one line of a bulk import: its article, or why it was refused. */
    record Imported(BodyLine line, WrittenArticle article, ProblemException problem) {}

    /**
     * A bulk import: every line checked as a create checks its body, the good ones written together in this one
     * transaction (a failure of the database writes none), the refused ones reported; in the order of the lines.
     * Each article is answered as written (id, version and all columns as a read of it gives them: timestamps are
     * kept to the microsecond the database stores), so that no answer needs a read back.
     */
    @Transactional
    List<Imported> createAll(List<BodyLine> lines) {
        return checkedAndWritten(lines);
    }

    /**
     * Single creates written together ({@link CreateQueue}), as {@link #createAll} writes lines; the
     * Idempotency-Key claim of each create that was written is committed with it, in this transaction.
     */
    @Transactional
    List<Imported> createQueued(List<BodyLine> lines, List<Optional<HeldClaims.Held>> claims) {
        List<Imported> imported = checkedAndWritten(lines);
        List<HeldClaims.Held> written = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            if (imported.get(i).article() != null) {
                claims.get(i).ifPresent(written::add);
            }
        }
        heldClaims.committing(written);
        return imported;
    }

    private List<Imported> checkedAndWritten(List<BodyLine> lines) {
        List<ArticleInput> inputs = new ArrayList<>(lines.size());
        for (BodyLine line : lines) {
            inputs.add(line.fields() == null ? null : ArticleInput.from(line.fields()));
        }
        Placements placements =
                Placements.find(em(), inputs.stream().filter(Objects::nonNull).toList());
        Instant at = now();
        List<NewArticle> good = new ArrayList<>(lines.size());
        ProblemException[] problems = new ProblemException[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            problems[i] = lines.get(i).problem();
            if (problems[i] == null) {
                try {
                    good.add(checked(inputs.get(i), lines.get(i).fields(), placements, at));
                } catch (ProblemException e) {
                    problems[i] = e;
                }
            }
        }
        List<WrittenArticle> written = good.isEmpty() ? List.of() : written(good);
        List<Imported> imported = new ArrayList<>(lines.size());
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            imported.add(
                    problems[i] == null
                            ? new Imported(lines.get(i), written.get(next++), null)
                            : new Imported(lines.get(i), null, problems[i]));
        }
        return imported;
    }

    /** The article to write, once every field and both slugs passed their checks (else the one 400 for all). */
    private static NewArticle checked(ArticleInput input, BodyFields fields, Placements placements, Instant at) {
        placements.report(input, fields);
        fields.check();
        return NewArticle.of(input, placements.of(input), at);
    }

    /** Inserts the articles and their change-log rows; the data version moves once for all of them. */
    private List<WrittenArticle> written(List<NewArticle> articles) {
        long[] ids = inserts.insert(articles);
        List<WrittenArticle> written = new ArrayList<>(articles.size());
        List<Change.Placed> placed = new ArrayList<>(articles.size());
        for (int i = 0; i < ids.length; i++) {
            written.add(WrittenArticle.of(ids[i], articles.get(i)));
            placed.add(articles.get(i).placed());
        }
        log.created(ids, placed, articles.get(0).at());
        changes.written();
        return written;
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

    /** Checks the input whole (every bad field at once, unknown slugs too), then writes it into the article. */
    private void apply(Article article, BodyFields fields) {
        ArticleInput input = ArticleInput.from(fields);
        NewArticle checked = checked(input, fields, Placements.find(em(), List.of(input)), now());
        article.title = input.title();
        article.summary = input.summary();
        article.content = input.content();
        article.fileUnder(
                em(), checked.placement().categoryId(), checked.placement().sourceId());
        article.publishedAt = input.publishedAt();
        article.originalUrl = input.originalUrl();
        article.isSummary = input.isSummary();
        article.hasEditorialBias = input.hasEditorialBias();
        article.updatedAt = checked.at();
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

package io.newsdesk.article;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.newsdesk.caching.ContentChanges;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The change log (migration V8): every write records, in its own transaction, what the public sees change; the
 * sequencer ({@link #sequence}, run by {@link ChangeSequencer} right after each commit and twice a second) numbers
 * committed rows in the order it first sees them, under a lock on the one {@code change_sequencer} row, so that
 * numbers are given exactly once on any number of instances and a reader resuming after number N misses nothing.
 *
 * <p>An article written under embargo leaves a {@code release} row due at its publishedAt; the sequencer turns it
 * into a {@code created} change at that instant (or drops it, if the article was deleted or rescheduled).
 * Numbered rows older than the retention are pruned; {@link #prunedThrough()} tells a reader that resumes from
 * a pruned number that it must reload.
 */
@ApplicationScoped
public class ChangeLog {

    static final String RELEASE = "release";
    private static final int BATCH = 5_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean postgres;
    private final Duration retention;
    private volatile Runnable committed = () -> {};
    private final List<Runnable> numbered = new CopyOnWriteArrayList<>();

    ChangeLog(
            Database database,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres,
            ChangeLogConfig config) {
        this.database = database;
        this.transactions = transactions;
        this.postgres = postgres;
        this.retention = config.retention();
    }

    /** What to run after a write that logged a change has committed (the sequencer's wake-up). */
    void onCommit(Runnable action) {
        committed = action;
    }

    /**
     * Runs {@code action} each time this instance has numbered changes (after that commits): readers of the log
     * on this instance look at once instead of at their next tick.
     */
    public void onNumbered(Runnable action) {
        numbered.add(action);
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /**
     * Records, inside the write's transaction, what the public sees of a write that moved an article from
     * {@code before} to {@code after} (either null: it did not exist), at {@code now}.
     */
    void written(long articleId, Change.Placed before, Change.Placed after, Instant now) {
        boolean was = before != null && !before.publishedAt().isAfter(now);
        boolean is = after != null && !after.publishedAt().isAfter(now);
        // a release that is due but not numbered yet happened before this write: it becomes the created change
        // it is, here, so that it is numbered before this write's own change (ids order rows); one still to come
        // is replaced by what this write says
        em().createNativeQuery("update article_change set kind = :created where article_id = :id and kind = :release"
                        + " and seq is null and due_at <= :now")
                .setParameter("created", Change.CREATED)
                .setParameter("id", articleId)
                .setParameter("release", RELEASE)
                .setParameter("now", now)
                .executeUpdate();
        em().createNativeQuery("delete from article_change where article_id = :id and kind = :release and seq is null"
                        + " and due_at > :now")
                .setParameter("id", articleId)
                .setParameter("release", RELEASE)
                .setParameter("now", now)
                .executeUpdate();
        String kind = was && is ? Change.UPDATED : is ? Change.CREATED : was ? Change.DELETED : null;
        if (kind != null) {
            insert(kind, articleId, now, null, is ? after : null, was ? before : null);
        }
        if (after != null && !is) {
            insert(RELEASE, articleId, after.publishedAt(), after.publishedAt(), after, null);
        }
        afterCommit(() -> committed.run());
    }

    /**
     * Records, inside the write's transaction, that the articles {@code ids} were created at {@code now}, filed
     * as {@code placed} says: one batch, one round trip however many. A new article has no release row to replace.
     */
    void created(long[] ids, List<Change.Placed> placed, Instant now) {
        database.jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into article_change (kind, article_id,"
                    + " changed_at, due_at, category_id, source_id, published_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ids.length; i++) {
                    Change.Placed after = placed.get(i);
                    boolean visible = !after.publishedAt().isAfter(now);
                    insert.setString(1, visible ? Change.CREATED : RELEASE);
                    insert.setLong(2, ids[i]);
                    ArticleInserts.setInstant(insert, 3, visible ? now : after.publishedAt());
                    ArticleInserts.setInstant(insert, 4, visible ? null : after.publishedAt());
                    insert.setLong(5, after.categoryId());
                    insert.setLong(6, after.sourceId());
                    ArticleInserts.setInstant(insert, 7, after.publishedAt());
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
        afterCommit(() -> committed.run());
    }

    private void insert(
            String kind, long articleId, Instant at, Instant due, Change.Placed after, Change.Placed before) {
        em().createNativeQuery(
                        "insert into article_change (kind, article_id, changed_at, due_at, category_id,"
                                + " source_id, published_at, old_category_id, old_source_id, old_published_at) values (:kind,"
                                + " :article, :at, :due, :category, :source, :published, :oldCategory, :oldSource, :oldPublished)")
                .setParameter("kind", kind)
                .setParameter("article", articleId)
                .setParameter("at", at)
                .setParameter("due", due)
                .setParameter("category", after == null ? null : after.categoryId())
                .setParameter("source", after == null ? null : after.sourceId())
                .setParameter("published", after == null ? null : after.publishedAt())
                .setParameter("oldCategory", before == null ? null : before.categoryId())
                .setParameter("oldSource", before == null ? null : before.sourceId())
                .setParameter("oldPublished", before == null ? null : before.publishedAt())
                .executeUpdate();
    }

    /**
     * Numbers the committed rows that are due, in the order of their ids, and prunes old ones; returns how many
     * were numbered, or -1 when another instance holds the sequencer now (it will number them).
     */
    @Transactional
    int sequence() {
        List<?> locked = em().createNativeQuery(
                        "select last_seq as \"last\", pruned_at as \"prunedAt\" from change_sequencer where id = 1 for"
                                + " update"
                                + (postgres ? " skip locked" : ""),
                        Tuple.class)
                .getResultList();
        if (locked.isEmpty()) {
            return -1;
        }
        Tuple sequencer = (Tuple) locked.get(0);
        long last = sequencer.get("last", Number.class).longValue();
        Instant now = Embargoes.now();
        List<?> due = em().createNativeQuery(
                        "select id as \"id\", kind as \"kind\", article_id as \"article\", due_at as \"due\" from"
                                + " article_change where seq is null and (due_at is null or due_at <= :now) order by id",
                        Tuple.class)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
        int count = number(due, last);
        last += count;
        prune(now, ContentChanges.instant(sequencer.get("prunedAt")));
        if (count > 0) {
            em().createNativeQuery("update change_sequencer set last_seq = :last where id = 1")
                    .setParameter("last", last)
                    .executeUpdate();
            afterCommit(() -> numbered.forEach(Runnable::run));
        }
        return count;
    }

    /**
     * Numbers the due rows after {@code last}, in their order, with one batch (one round trip however many); a due
     * release row becomes the created change it is, filed where it was written: every write to an article under
     * embargo replaced its release row ({@link #written}), so the row still says where it is. How many it numbered.
     */
    private int number(List<?> due, long last) {
        return database.jdbc(connection -> {
            try (PreparedStatement number =
                    connection.prepareStatement("update article_change set seq = ?, kind = ? where id = ?")) {
                long seq = last;
                for (Object item : due) {
                    Tuple row = (Tuple) item;
                    String kind = row.get("kind", String.class);
                    number.setLong(1, ++seq);
                    number.setString(2, RELEASE.equals(kind) ? Change.CREATED : kind);
                    number.setLong(3, row.get("id", Number.class).longValue());
                    number.addBatch();
                }
                if (due.isEmpty()) {
                    return 0;
                }
                number.executeBatch();
                return due.size();
            }
        });
    }

    /** Deletes numbered rows older than the retention, at most once a minute; whether any went. */
    private boolean prune(Instant now, Instant prunedAt) {
        if (prunedAt.isAfter(now.minus(PRUNE_EVERY))) {
            return false;
        }
        Number through = (Number) em().createNativeQuery(
                        "select max(seq) from article_change where seq is not null and changed_at < :cutoff")
                .setParameter("cutoff", now.minus(retention))
                .getSingleResult();
        em().createNativeQuery("update change_sequencer set pruned_at = :now, pruned_through = greatest(pruned_through,"
                        + " :through) where id = 1")
                .setParameter("now", now)
                .setParameter("through", through == null ? 0L : through.longValue())
                .executeUpdate();
        if (through == null) {
            return false;
        }
        em().createNativeQuery("delete from article_change where seq <= :through")
                .setParameter("through", through.longValue())
                .executeUpdate();
        return true;
    }

    /** The numbered changes after {@code seq}, in order, at most {@code max}. */
    @Transactional
    public List<Change> after(long seq, int max) {
        List<?> rows = em().createNativeQuery(
                        "select seq as \"seq\", kind as \"kind\", article_id as \"article\", changed_at as \"at\","
                                + " category_id as \"category\", source_id as \"source\", published_at as"
                                + " \"published\", old_category_id as \"oldCategory\", old_source_id as \"oldSource\","
                                + " old_published_at as \"oldPublished\" from article_change where seq > :seq order by"
                                + " seq",
                        Tuple.class)
                .setParameter("seq", seq)
                .setMaxResults(max)
                .getResultList();
        List<Change> changes = new ArrayList<>(rows.size());
        for (Object item : rows) {
            Tuple row = (Tuple) item;
            changes.add(new Change(
                    row.get("seq", Number.class).longValue(),
                    row.get("kind", String.class),
                    row.get("article", Number.class).longValue(),
                    ContentChanges.instant(row.get("at")),
                    placed(row.get("oldCategory"), row.get("oldSource"), row.get("oldPublished")),
                    placed(row.get("category"), row.get("source"), row.get("published"))));
        }
        return changes;
    }

    private static Change.Placed placed(Object category, Object source, Object published) {
        return category == null
                ? null
                : new Change.Placed(
                        ((Number) category).longValue(),
                        ((Number) source).longValue(),
                        ContentChanges.instant(published));
    }

    /**
     * The newest number given, when that change happened (the epoch before the first), and the newest number
     * pruned: a reader resuming below it has missed changes.
     */
    public record Position(long last, Instant lastAt, long prunedThrough) {}

    @Transactional
    public Position position() {
        Tuple row = (Tuple) em().createNativeQuery(
                        "select s.last_seq as \"last\", s.pruned_through as \"pruned\", (select c.changed_at from"
                                + " article_change c where c.seq = s.last_seq) as \"at\" from change_sequencer s where"
                                + " s.id = 1",
                        Tuple.class)
                .getSingleResult();
        Instant at = ContentChanges.instant(row.get("at"));
        return new Position(
                row.get("last", Number.class).longValue(),
                at == null ? Instant.EPOCH : at,
                row.get("pruned", Number.class).longValue());
    }

    private EntityManager em() {
        return database.em();
    }
}

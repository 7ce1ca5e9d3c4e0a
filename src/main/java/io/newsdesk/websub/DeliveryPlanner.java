package io.newsdesk.websub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.newsdesk.article.Change;
import io.newsdesk.article.ChangeFilter;
import io.newsdesk.article.ChangeLog;
import io.newsdesk.problem.ProblemException;
import io.newsdesk.system.Database;
import io.newsdesk.system.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/**
 * Turns the change log into delivery rows, on one instance at a time: {@link #plan} locks the one
 * {@code websub_cursor} row ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL: another instance holding it skips the
 * round), reads the numbered changes after it, and for each active subscription whose topic a change concerns
 * ({@link ChangeFilter}) adds a delivery, all in the transaction that moves the cursor: a change becomes deliveries
 * exactly once. Coalescing: while a subscription already has a delivery waiting (not yet claimed by a worker, or
 * waiting for a retry), later changes join it (its {@code last_seq} grows) instead of adding another; a delivery
 * sends the document as it is when it is sent, so it shows every change it answers. A failed delivery put back for
 * a retry while another one waits hands its changes to that one ({@link DeliveryRows#retry}), so that a subscription
 * has one waiting delivery; only a retry racing the planner's insert can leave two (one redundant delivery of the
 * same document, never a lost one).
 *
 * <p>A topic that no longer selects anything that exists (its category or source was deleted) ends its
 * subscriptions, each told so by a denial ({@code hub.mode=denied}).
 */
@ApplicationScoped
class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);
    private static final int READ = 1_000;

    /** A subscription the planner ended: the denial to send once the transaction committed. */
    record Denial(String callback, String topic, String reason) {}

    /** What to send once a round committed: denials, and (with an external hub) the topics to ping it for. */
    record Plan(List<Denial> denials, Set<String> pings) {}

    private final Database database;
    private final ChangeLog log;
    private final ChangeFilter filters;
    private final Topics topics;
    private final Subscriptions subscriptions;
    private final boolean postgres;
    private final boolean external;
    private final Optional<String> publicUrl;

    DeliveryPlanner(
            Database database,
            ChangeLog log,
            ChangeFilter filters,
            Topics topics,
            Subscriptions subscriptions,
            WebSubConfig config,
            NewsdeskConfig newsdesk,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres) {
        this.database = database;
        this.log = log;
        this.filters = filters;
        this.topics = topics;
        this.subscriptions = subscriptions;
        this.postgres = postgres;
        this.external = config.hub().isPresent();
        this.publicUrl = newsdesk.publicUrl().map(url -> url.endsWith("/") ? url : url + "/");
    }

    /**
     * One round; returns what to send, or null when another instance holds the cursor or nothing changed.
     */
    @Transactional
    Plan plan() {
        List<?> locked = em().createNativeQuery(
                        "select last_seq as \"last\" from websub_cursor where id = 1 for update"
                                + (postgres ? " skip locked" : ""),
                        Tuple.class)
                .getResultList();
        if (locked.isEmpty()) {
            return null;
        }
        long last = ((Tuple) locked.get(0)).get("last", Number.class).longValue();
        List<Change> changes = log.after(last, READ);
        if (changes.isEmpty()) {
            return null;
        }
        if (external) {
            move(changes);
            return new Plan(List.of(), pings(changes));
        }
        Instant now = Instant.now();
        subscriptions.expire(now);
        Map<String, List<Subscriptions.Subscription>> byTopic = new LinkedHashMap<>();
        for (Subscriptions.Subscription subscription : subscriptions.active(now)) {
            byTopic.computeIfAbsent(subscription.topicKey(), key -> new ArrayList<>())
                    .add(subscription);
        }
        List<Denial> denials = new ArrayList<>();
        Map<Long, long[]> owed = new HashMap<>();
        for (List<Subscriptions.Subscription> group : byTopic.values()) {
            Optional<ChangeFilter.Matcher> matcher = matcher(group, denials);
            if (matcher.isEmpty()) {
                continue;
            }
            for (Change change : changes) {
                if (matcher.get().kind(change).isPresent()) {
                    for (Subscriptions.Subscription subscription : group) {
                        long[] range = owed.computeIfAbsent(subscription.id(), id -> new long[] {change.seq(), 0});
                        range[1] = change.seq();
                    }
                }
            }
        }
        owed.forEach((subscription, range) -> owe(subscription, range[0], range[1], now));
        move(changes);
        return new Plan(denials, Set.of());
    }

    private void move(List<Change> changes) {
        em().createNativeQuery("update websub_cursor set last_seq = :last where id = 1")
                .setParameter("last", changes.get(changes.size() - 1).seq())
                .executeUpdate();
    }

    /**
     * The topics an external hub is pinged for: the feeds a change can be known to touch without knowing the hub's
     * subscribers, at {@code newsdesk.public-url} (none without it), in each feed format: everything
     * ({@code /v1/articles?format=F}), and the feed of the article's category and of its source, before and after
     * the change ({@code ?category=slug&format=F}, {@code ?source=slug&format=F}).
     */
    private Set<String> pings(List<Change> changes) {
        Set<String> topics = new TreeSet<>();
        if (publicUrl.isEmpty()) {
            return topics;
        }
        String articles = publicUrl.get() + "v1/articles?";
        Set<String> selections = new TreeSet<>();
        selections.add("");
        for (Change change : changes) {
            for (Change.Placed placed : new Change.Placed[] {change.before(), change.after()}) {
                if (placed != null) {
                    slug("category", placed.categoryId()).ifPresent(s -> selections.add("category=" + s + "&"));
                    slug("source", placed.sourceId()).ifPresent(s -> selections.add("source=" + s + "&"));
                }
            }
        }
        for (String selection : selections) {
            for (String format : List.of("atom", "jsonfeed", "rss")) {
                topics.add(articles + selection + "format=" + format);
            }
        }
        return topics;
    }

    private Optional<String> slug(String table, long id) {
        List<?> slugs = em().createNativeQuery("select slug from " + table + " where id = :id")
                .setParameter("id", id)
                .getResultList();
        return slugs.isEmpty() ? Optional.empty() : Optional.of((String) slugs.get(0));
    }

    private Optional<ChangeFilter.Matcher> matcher(List<Subscriptions.Subscription> group, List<Denial> denials) {
        String topic = group.get(0).topic();
        try {
            return Optional.of(filters.matcher(topics.stored(topic).selection()));
        } catch (ProblemException e) {
            String reason = "The topic no longer selects anything that exists: "
                    + Optional.ofNullable(e.problem().detail()).orElse("its category or source was deleted.");
            LOG.infof("WebSub subscriptions to %s ended: %s", topic, reason);
            for (Subscriptions.Subscription subscription : group) {
                subscriptions.delete(subscription.id());
                denials.add(new Denial(subscription.callback(), subscription.topic(), reason));
            }
            return Optional.empty();
        }
    }

    /** Joins the waiting delivery of the subscription, or adds one due now. */
    private void owe(long subscription, long first, long last, Instant now) {
        int joined = em().createNativeQuery("update websub_delivery set last_seq = :last where id = (select min(id)"
                        + " from websub_delivery where subscription_id = :id and claimed_until is null)")
                .setParameter("last", last)
                .setParameter("id", subscription)
                .executeUpdate();
        if (joined == 0) {
            em().createNativeQuery("insert into websub_delivery (subscription_id, first_seq, last_seq, created_at,"
                            + " due_at, attempts) values (:id, :first, :last, :now, :now, 0)")
                    .setParameter("id", subscription)
                    .setParameter("first", first)
                    .setParameter("last", last)
                    .setParameter("now", now)
                    .executeUpdate();
        }
    }

    private EntityManager em() {
        return database.em();
    }
}

package io.newsdesk.websub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.newsdesk.caching.ContentChanges;
import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** The delivery rows (table {@code websub_delivery}): claimed with a lease, ended, or put back for a retry. */
@ApplicationScoped
class DeliveryRows {

    private final Database database;
    private final boolean postgres;
    private final Duration lease;

    DeliveryRows(
            Database database,
            @ConfigProperty(name = "quarkus.datasource.pg.active", defaultValue = "false") boolean postgres,
            WebSubConfig config) {
        this.database = database;
        this.postgres = postgres;
        this.lease = config.claimLease();
    }

    /** Claims up to {@code max} due deliveries no other worker holds (rows another transaction locks are skipped). */
    @Transactional
    List<Deliveries.Claimed> claim(int max) {
        Instant now = Instant.now();
        List<?> rows = em().createNativeQuery(
                        "select d.id as \"id\", d.subscription_id as \"subscription\", d.first_seq as \"first\","
                                + " d.last_seq as \"last\", d.attempts as \"attempts\", d.created_at as \"created\""
                                + " from websub_delivery d where d.due_at <= :now and (d.claimed_until is null or"
                                + " d.claimed_until < :now) order by d.due_at, d.id limit " + max + " for update"
                                + (postgres ? " skip locked" : ""),
                        Tuple.class)
                .setParameter("now", now)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(rows.size());
        Set<Long> subscriptionIds = new HashSet<>();
        for (Object item : rows) {
            Tuple row = (Tuple) item;
            ids.add(row.get("id", Number.class).longValue());
            subscriptionIds.add(row.get("subscription", Number.class).longValue());
        }
        em().createNativeQuery("update websub_delivery set claimed_until = :until where id in (:ids)")
                .setParameter("until", now.plus(lease))
                .setParameter("ids", ids)
                .executeUpdate();
        Map<Long, Tuple> subscriptions = new HashMap<>();
        for (Object item : em().createNativeQuery(
                        "select id as \"id\", topic as \"topic\", callback as \"callback\", secret as \"secret\""
                                + " from websub_subscription where id in (:ids)",
                        Tuple.class)
                .setParameter("ids", subscriptionIds)
                .getResultList()) {
            Tuple sub = (Tuple) item;
            subscriptions.put(sub.get("id", Number.class).longValue(), sub);
        }
        List<Deliveries.Claimed> claimed = new ArrayList<>(rows.size());
        for (Object item : rows) {
            Tuple row = (Tuple) item;
            long subscription = row.get("subscription", Number.class).longValue();
            Tuple sub = subscriptions.get(subscription);
            if (sub == null) {
                continue; // unsubscribed meanwhile: the row goes with it
            }
            claimed.add(new Deliveries.Claimed(
                    row.get("id", Number.class).longValue(),
                    subscription,
                    row.get("first", Number.class).longValue(),
                    row.get("last", Number.class).longValue(),
                    row.get("attempts", Number.class).intValue(),
                    ContentChanges.instant(row.get("created")),
                    sub.get("topic", String.class),
                    sub.get("callback", String.class),
                    sub.get("secret", String.class)));
        }
        return claimed;
    }

    @Transactional
    void done(long id) {
        em().createNativeQuery("delete from websub_delivery where id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    /**
     * Puts a failed delivery back, due at {@code due}; when changes made meanwhile already wait in another delivery of
     * the same subscription, that one takes over this one's changes instead (one waiting delivery per subscription:
     * it sends the document as it is then, which shows them all).
     */
    @Transactional
    void retry(Deliveries.Claimed failed, Instant due) {
        List<?> waiting = em().createNativeQuery("select id from websub_delivery where subscription_id = :sub and"
                        + " claimed_until is null and id <> :id order by id")
                .setParameter("sub", failed.subscription())
                .setParameter("id", failed.id())
                .setMaxResults(1)
                .getResultList();
        if (!waiting.isEmpty()) {
            em().createNativeQuery("update websub_delivery set first_seq = least(first_seq, :first), created_at ="
                            + " least(created_at, :created) where id = :id")
                    .setParameter("first", failed.firstSeq())
                    .setParameter("created", failed.createdAt())
                    .setParameter("id", ((Number) waiting.get(0)).longValue())
                    .executeUpdate();
            done(failed.id());
            return;
        }
        em().createNativeQuery("update websub_delivery set attempts = attempts + 1, due_at = :due, claimed_until ="
                        + " null where id = :id")
                .setParameter("due", due)
                .setParameter("id", failed.id())
                .executeUpdate();
    }

    private EntityManager em() {
        return database.em();
    }
}

package io.newsdesk.websub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** The verified subscriptions (table {@code websub_subscription}, migration V9). */
@ApplicationScoped
class Subscriptions {

    /** One active subscription. */
    record Subscription(long id, String topic, String topicKey, String callback, String secret) {}

    private final Database database;

    Subscriptions(Database database) {
        this.database = database;
    }

    /** How many subscriptions {@code client} holds, not counting the one for this callback and topic. */
    @Transactional
    long heldBy(String client, String callback, String topicKey) {
        return ((Number) em().createNativeQuery("select count(*) from websub_subscription where client = :client and"
                                + " not (callback = :callback and topic_key = :key)")
                        .setParameter("client", client)
                        .setParameter("callback", callback)
                        .setParameter("key", topicKey)
                        .getSingleResult())
                .longValue();
    }

    /** Creates the subscription, or renews it (new lease, secret and topic URL) when it exists. */
    @Transactional
    void activate(Topic topic, String callback, String secret, String client, Instant expires) {
        int updated = em().createNativeQuery("update websub_subscription set topic = :topic, secret = :secret,"
                        + " client = :client, expires_at = :expires where callback = :callback and topic_key = :key")
                .setParameter("topic", topic.url())
                .setParameter("secret", secret)
                .setParameter("client", client)
                .setParameter("expires", expires)
                .setParameter("callback", callback)
                .setParameter("key", topic.key())
                .executeUpdate();
        if (updated == 0) {
            em().createNativeQuery("insert into websub_subscription (topic_key, topic, callback, secret, client,"
                            + " expires_at, created_at) values (:key, :topic, :callback, :secret, :client, :expires,"
                            + " :now)")
                    .setParameter("key", topic.key())
                    .setParameter("topic", topic.url())
                    .setParameter("callback", callback)
                    .setParameter("secret", secret)
                    .setParameter("client", client)
                    .setParameter("expires", expires)
                    .setParameter("now", Instant.now())
                    .executeUpdate();
        }
    }

    @Transactional
    void remove(String callback, String topicKey) {
        em().createNativeQuery("delete from websub_subscription where callback = :callback and topic_key = :key")
                .setParameter("callback", callback)
                .setParameter("key", topicKey)
                .executeUpdate();
    }

    /** The subscriptions whose lease has not ended; call in a transaction. */
    List<Subscription> active(Instant now) {
        List<?> rows = em().createNativeQuery(
                        "select id as \"id\", topic as \"topic\", topic_key as \"key\", callback as \"callback\","
                                + " secret as \"secret\" from websub_subscription where expires_at > :now order by id",
                        Tuple.class)
                .setParameter("now", now)
                .getResultList();
        List<Subscription> active = new ArrayList<>(rows.size());
        for (Object item : rows) {
            Tuple row = (Tuple) item;
            active.add(new Subscription(
                    row.get("id", Number.class).longValue(),
                    row.get("topic", String.class),
                    row.get("key", String.class),
                    row.get("callback", String.class),
                    row.get("secret", String.class)));
        }
        return active;
    }

    /** Deletes subscriptions whose lease ended (their pending deliveries go with them); call in a transaction. */
    int expire(Instant now) {
        return em().createNativeQuery("delete from websub_subscription where expires_at <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Deletes one subscription by id; call in a transaction. */
    void delete(long id) {
        em().createNativeQuery("delete from websub_subscription where id = :id")
                .setParameter("id", id)
                .executeUpdate();
    }

    private EntityManager em() {
        return database.em();
    }
}

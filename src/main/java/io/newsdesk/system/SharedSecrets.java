package io.newsdesk.system;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Secrets that every instance shares without configuration: the first instance that asks for one generates 32
 * random bytes and stores them in the database ({@code shared_secret}); every later instance, and every restart,
 * reads the same value. Two instances starting at once may both try to store one: the primary key lets one win,
 * and the other reads the winner's.
 */
@ApplicationScoped
public class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;

    SharedSecrets(Database database) {
        this.database = database;
    }

    /** The secret of this name, generated and stored on first use. */
    public String get(String name) {
        return read(name).orElseGet(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> store(name, generate()));
            } catch (RuntimeException failed) {
                // another instance stored one first (a primary-key violation): use that one, if it is there
                return read(name).orElseThrow(() -> failed);
            }
            return read(name).orElseThrow(() -> new IllegalStateException("shared secret " + name + " missing"));
        });
    }

    private Optional<String> read(String name) {
        return QuarkusTransaction.requiringNew()
                .call(() -> database.em()
                        .createNativeQuery("select secret from shared_secret where name = :name", String.class)
                        .setParameter("name", name)
                        .getResultStream()
                        .findFirst()
                        .map(String.class::cast));
    }

    private void store(String name, String secret) {
        database.em()
                .createNativeQuery(
                        "insert into shared_secret (name, secret, created_at) values (:name," + " :secret, :now)")
                .setParameter("name", name)
                .setParameter("secret", secret)
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package io.newsdesk.auth;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

import io.newsdesk.system.Database;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code Idempotency-Key} claim a request holds, as a value another thread can carry: a write carried out for
 * the request on another thread (single creates written together, {@code article.CreateQueue}) marks it committed
 * inside its own transaction, as {@link IdempotencyKeys#committing} does for a write on the request's thread.
 */
@ApplicationScoped
public class HeldClaims {

    /** One request's claim: the key's scope and the token that proves the request holds it. */
    public record Held(String scope, String token) {}

    private final IdempotencyClaim held;
    private final Database database;

    HeldClaims(IdempotencyClaim held, Database database) {
        this.held = held;
        this.database = database;
    }

    /** The claim of the current request (on its thread), or empty when it sent no Idempotency-Key. */
    public Optional<Held> current() {
        return held.held() ? Optional.of(new Held(held.scope(), held.token())) : Optional.empty();
    }

    /** Inside a write's transaction: these claims are committed exactly when it is (one batch). */
    public void committing(List<Held> claims) {
        commit(database, claims);
    }

    static void commit(Database database, List<Held> claims) {
        if (claims.isEmpty()) {
            return;
        }
        database.jdbc(connection -> {
            try (PreparedStatement commit = connection.prepareStatement(
                    "update idempotency_key set committed_at =" + " current_timestamp where scope = ? and token = ?")) {
                for (Held claim : claims) {
                    commit.setString(1, claim.scope());
                    commit.setString(2, claim.token());
                    commit.addBatch();
                }
                return commit.executeBatch();
            }
        });
    }
}

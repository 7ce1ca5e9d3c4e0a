package io.newsdesk.system;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.persistence.EntityManager;

/**
 * The active persistence unit's EntityManager: "h2" or "pg", whichever {@link DatabaseSelection} switched on.
 * Repositories and query services ask this instead of injecting an EntityManager directly.
 */
@ApplicationScoped
public class Database {

    private final InjectableInstance<EntityManager> entityManagers;

    Database(@Any InjectableInstance<EntityManager> entityManagers) {
        this.entityManagers = entityManagers;
    }

    public EntityManager em() {
        return entityManagers.getActive();
    }

    /**
     * Runs {@code work} on the JDBC connection of the current session, inside its transaction: for what Hibernate
     * would not batch (many inserts in one round trip).
     */
    public <T> T jdbc(ReturningWork<T> work) {
        return em().unwrap(Session.class).doReturningWork(work);
    }
}

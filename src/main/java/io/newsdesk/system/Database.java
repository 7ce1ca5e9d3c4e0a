package io.newsdesk.system;

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
}

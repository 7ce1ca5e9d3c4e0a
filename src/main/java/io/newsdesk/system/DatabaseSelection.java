package io.newsdesk.system;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Chooses the database at run time: {@code NEWSDESK_DB_URL} set means PostgreSQL ("pg"), otherwise the
 * embedded H2 ("h2"). Quarkus fixes {@code db-kind} at build time, so both datasources are built in and this
 * source switches their {@code active} flags. Ordinal 260: above application.properties, below environment
 * variables, so {@code QUARKUS_DATASOURCE_PG_ACTIVE} still wins if an operator really wants it.
 */
public class DatabaseSelection implements ConfigSource {

    static final String PG_ACTIVE = "quarkus.datasource.pg.active";
    static final String H2_ACTIVE = "quarkus.datasource.h2.active";

    @Override
    public Map<String, String> getProperties() {
        boolean pg = postgresRequested();
        return Map.of(PG_ACTIVE, String.valueOf(pg), H2_ACTIVE, String.valueOf(!pg));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PG_ACTIVE, H2_ACTIVE);
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public String getName() {
        return "newsdesk-database-selection";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }

    static boolean postgresRequested() {
        String url = System.getenv("NEWSDESK_DB_URL");
        return url != null && !url.isBlank();
    }
}

package io.newsdesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.flyway.FlywayDataSource;
import jakarta.inject.Singleton;

/**
 * Lifts the request timeouts of PostgreSQL connections (statement_timeout, and the driver's socketTimeout)
 * while Flyway runs a migration, and restores them afterwards. Those timeouts keep a request from hanging on a
 * database that vanished; a migration that builds an index over a large archive (V5's trigram index takes
 * minutes at a million articles) must not be cut by them, or the instance cannot start.
 */
@Singleton
@FlywayDataSource("pg")
class MigrationTimeouts implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.callbacks(new Lifted());
    }

    private static final class Lifted implements Callback {

        private int networkTimeout;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection connection = context.getConnection();
            try (Statement statement = connection.createStatement()) {
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    networkTimeout = connection.getNetworkTimeout();
                    connection.setNetworkTimeout(Runnable::run, 0);
                    statement.execute("set statement_timeout = 0");
                } else {
                    if (event == Event.AFTER_EACH_MIGRATE) {
                        // after an error the transaction is aborted, and rolling it back undoes the SET anyway
                        statement.execute("reset statement_timeout");
                    }
                    connection.setNetworkTimeout(Runnable::run, networkTimeout);
                }
            } catch (SQLException e) {
                throw new FlywayException("Could not change the timeouts for a migration: " + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "newsdesk-migration-timeouts";
        }
    }
}

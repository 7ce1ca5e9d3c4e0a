package io.newsdesk.problem;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached or answer right now" rather than a bug: no
 * connection could be made or borrowed in time (Agroal's acquisition timeout, connection refused, login or
 * socket timeout), the server went away mid-request (PostgreSQL SQLState class 08, 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now, 53300 too many connections) or a statement was cancelled
 * by a timeout (57014). Such a failure is answered 503 with Retry-After instead of 500.
 */
final class DatabaseUnavailable {

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    private DatabaseUnavailable() {}

    /** The exception in the chain (causes and suppressed) that shows the database is unavailable, or null. */
    static Throwable find(Throwable failure) {
        return find(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable find(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) {
            return null;
        }
        if (matches(e)) {
            return e;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            Throwable found = find(suppressed, seen);
            if (found != null) {
                return found;
            }
        }
        return find(e.getCause(), seen);
    }

    private static boolean matches(Throwable e) {
        if (e instanceof JDBCConnectionException
                || e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || e instanceof ConnectException
                || e instanceof SocketTimeoutException) {
            return true;
        }
        if (e instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                return true;
            }
            // Agroal's acquisition timeout is a plain SQLException without a state
            String message = sql.getMessage();
            return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")
                    || sql.getCause() instanceof TimeoutException;
        }
        return false;
    }

    /** What the log says: the class, SQLState and message of the JDBC failure, never the SQL text. */
    static String describe(Throwable e) {
        SQLException sql = deepestSql(e);
        if (sql == null) {
            return e.getClass().getSimpleName();
        }
        String message = sql.getMessage() == null
                ? ""
                : sql.getMessage().lines().findFirst().orElse("");
        return sql.getClass().getSimpleName() + " (SQLState " + sql.getSQLState() + "): " + message;
    }

    private static SQLException deepestSql(Throwable e) {
        SQLException deepest = null;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                deepest = sql;
            }
        }
        return deepest;
    }

    static Problem problem(int retryAfterSeconds) {
        return new Problem(
                ProblemException.type("database-unavailable"),
                "Service Unavailable",
                503,
                "Newsdesk cannot reach its database at the moment. Retry in " + retryAfterSeconds
                        + " seconds (see Retry-After); before repeating a write, GET the resource to check whether"
                        + " it was saved.",
                null,
                null);
    }
}

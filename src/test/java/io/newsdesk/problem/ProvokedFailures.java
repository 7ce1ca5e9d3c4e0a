package io.newsdesk.problem;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps the failures tests provoke on purpose off the console of a test run, so that a stack trace there is news
 * again: the 500s of {@link FailingResource}. Only the console: log captures (NoSecretsInLogsTest) still see every
 * record. (The refused starts of StartupChecksTest still print theirs: the launcher reads its output from the
 * console, and the message it checks is the one an operator reads.)
 */
@LoggingFilter(name = "provoked-failures")
public final class ProvokedFailures implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            for (StackTraceElement frame : thrown.getStackTrace()) {
                if (frame.getClassName().startsWith(FailingResource.class.getName())) {
                    return false;
                }
            }
        }
        return true;
    }
}

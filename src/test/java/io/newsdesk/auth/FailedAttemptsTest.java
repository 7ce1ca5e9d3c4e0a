package io.newsdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The lockout's counting, on a clock the test moves. */
class FailedAttemptsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private FailedAttempts attempts(int maxFailures, int maxClients) {
        return new FailedAttempts(maxFailures, Duration.ofSeconds(60), maxClients, now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void shouldLockOutAClientAfterMaxFailuresWithinTheWindowUntilTheWindowEnds() {
        FailedAttempts attempts = attempts(3, 100);

        attempts.failed("10.0.0.1");
        advance(Duration.ofSeconds(10));
        attempts.failed("10.0.0.1");
        assertEquals(0, attempts.lockedForSeconds("10.0.0.1"), "two failures are allowed");
        advance(Duration.ofSeconds(10));
        attempts.failed("10.0.0.1");

        assertEquals(40, attempts.lockedForSeconds("10.0.0.1"), "locked until 60 s after the first failure");
        assertEquals(0, attempts.lockedForSeconds("10.0.0.2"), "other addresses are not");
        advance(Duration.ofMillis(39_500));
        assertEquals(1, attempts.lockedForSeconds("10.0.0.1"), "rounded up, never 0 while locked");
        advance(Duration.ofMillis(500));
        assertEquals(0, attempts.lockedForSeconds("10.0.0.1"), "the window is over");

        attempts.failed("10.0.0.1");
        attempts.failed("10.0.0.1");
        assertEquals(0, attempts.lockedForSeconds("10.0.0.1"), "a new window counts from zero");
    }

    @Test
    void shouldNotExtendTheLockoutWithFailuresDuringIt() {
        FailedAttempts attempts = attempts(2, 100);
        attempts.failed("a");
        attempts.failed("a");
        advance(Duration.ofSeconds(30));

        attempts.failed("a");

        assertEquals(30, attempts.lockedForSeconds("a"));
    }

    @Test
    void shouldForgetFailuresOfAnEndedWindow() {
        FailedAttempts attempts = attempts(2, 100);
        attempts.failed("a");
        advance(Duration.ofSeconds(61));

        attempts.failed("a");

        assertEquals(0, attempts.lockedForSeconds("a"));
    }

    @Test
    void shouldRememberAtMostMaxClientsForgettingTheLeastRecentlySeen() {
        FailedAttempts attempts = attempts(1, 1_000);
        attempts.failed("locked");
        for (int i = 0; i < 5_000; i++) {
            attempts.failed("198.51.100." + i);
        }

        assertEquals(1_000, attempts.trackedClients());
        assertEquals(0, attempts.lockedForSeconds("locked"), "forgotten: the oldest entry went first");
        assertEquals(60, attempts.lockedForSeconds("198.51.100.4999"));
    }

    @Test
    void shouldDoNothingWhenMaxFailuresIsZero() {
        FailedAttempts attempts = attempts(0, 100);
        for (int i = 0; i < 100; i++) {
            attempts.failed("a");
        }

        assertEquals(0, attempts.lockedForSeconds("a"));
        assertEquals(0, attempts.trackedClients());
    }
}

package io.newsdesk.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.newsdesk.problem.ProblemException;

/** The address rule of callbacks with {@code newsdesk.websub.allow-private-callbacks} off (the default). */
class CallbacksTest {

    private static WebSubConfig config(boolean allowPrivate) {
        return new WebSubConfig() {
            public Optional<String> hub() {
                return Optional.empty();
            }

            public boolean allowPrivateCallbacks() {
                return allowPrivate;
            }

            public int maxSubscriptionsPerClient() {
                return 100;
            }

            public Duration retryBase() {
                return Duration.ofSeconds(10);
            }

            public Duration retryFor() {
                return Duration.ofHours(1);
            }

            public Duration claimLease() {
                return Duration.ofMinutes(1);
            }
        };
    }

    @Test
    void shouldRefuseEveryNonPublicAddress() throws Exception {
        for (String address : new String[] {
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "0.0.0.0",
            "0.1.2.3",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd00:ec2::254",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1"
        }) {
            assertFalse(Callbacks.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address :
                new String[] {"93.184.216.34", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111"}) {
            assertTrue(Callbacks.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void shouldRefuseAPrivateCallbackAtSubscribeTimeAndBeforeEveryRequest() {
        Callbacks callbacks = new Callbacks(config(false));
        for (String callback : new String[] {
            "http://127.0.0.1:8080/cb",
            "http://localhost/cb",
            "http://[::1]/cb",
            "https://169.254.169.254/latest/meta-data/",
            "http://10.0.0.5/hook"
        }) {
            ProblemException refused = assertThrows(ProblemException.class, () -> callbacks.check(callback));
            assertEquals(400, refused.problem().status());
            assertTrue(
                    refused.problem().detail().contains("non-public address"),
                    refused.problem().detail());
        }
        assertTrue(callbacks.unsafe(java.net.URI.create("http://127.0.0.1/")).isPresent());
        assertTrue(new Callbacks(config(true))
                .unsafe(java.net.URI.create("http://127.0.0.1/"))
                .isEmpty());
    }
}

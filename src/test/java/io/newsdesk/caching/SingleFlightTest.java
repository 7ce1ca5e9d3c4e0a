package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.newsdesk.format.ModelWriter;
import io.newsdesk.links.Links;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A cold page asked for by many clients at once is read and rendered once: the requests that miss while it is
 * being made wait for it instead of each running the same query (which, for a slow search over a large
 * archive, emptied the connection pool into 503s). The model here is a supplier that blocks until released,
 * so the requests surely overlap.
 */
@QuarkusTest
class SingleFlightTest {

    private static final int FOLLOWERS = 7;

    @Inject
    Conditional conditional;

    private final ExecutorService clients = Executors.newFixedThreadPool(FOLLOWERS + 1);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void shouldReadAPageOnceForRequestsThatArriveWhileItIsBeingRead() throws Exception {
        Links links = links();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> model = () -> {
            reads.incrementAndGet();
            reading.countDown();
            await(release);
            return "page made once";
        };
        Requests requests = overlapping(links, model, reading, release);

        Response first = requests.leader().get(10, TimeUnit.SECONDS);
        assertEquals(200, first.getStatus());
        for (Future<Response> follower : requests.followers()) {
            Response response = follower.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.getStatus());
            assertArrayEquals((byte[]) first.getEntity(), (byte[]) response.getEntity());
            assertEquals(first.getHeaderString(HttpHeaders.ETAG), response.getHeaderString(HttpHeaders.ETAG));
        }
        assertEquals(1, reads.get(), "requests for the same page at the same data version read it once");
    }

    @Test
    void shouldLetWaitingRequestsReadForThemselvesWhenTheFirstFails() throws Exception {
        Links links = links();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> model = () -> {
            if (reads.incrementAndGet() == 1) {
                reading.countDown();
                await(release);
                throw new IllegalStateException("the first read fails");
            }
            return "page made by a follower";
        };
        Requests requests = overlapping(links, model, reading, release);

        Exception failed = assertThrows(Exception.class, () -> requests.leader().get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IllegalStateException, failed.toString());
        for (Future<Response> follower : requests.followers()) {
            Response response = follower.get(10, TimeUnit.SECONDS);
            assertEquals(200, response.getStatus());
            assertEquals("page made by a follower", new String((byte[]) response.getEntity(), StandardCharsets.UTF_8));
        }
        assertTrue(reads.get() >= 2, "a follower read the page itself");
    }

    private record Requests(Future<Response> leader, List<Future<Response>> followers) {}

    /**
     * The first request, and once its model is being read, the others; then the model is released. The others
     * reach the wait within 300 ms (were they late, they would read the cache: also one read).
     */
    private Requests overlapping(Links links, Supplier<String> model, CountDownLatch reading, CountDownLatch release)
            throws InterruptedException {
        Future<Response> leader = clients.submit(() -> read(links, model));
        assertTrue(reading.await(10, TimeUnit.SECONDS), "the first request reads the page");
        List<Future<Response>> followers = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            followers.add(clients.submit(() -> read(links, model)));
        }
        Thread.sleep(300);
        release.countDown();
        return new Requests(leader, followers);
    }

    private Response read(Links links, Supplier<String> model) {
        return conditional.answerRendered(
                new Preconditions(null, null),
                links,
                new TextWriter(),
                Lifetime.CURRENT,
                false,
                () -> {
                    throw new AssertionError("validators are for streamed representations only");
                },
                model,
                page -> Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static Links links() {
        return new Links(
                URI.create("http://localhost/"), URI.create("http://localhost/v1/articles?q=" + UUID.randomUUID()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A format of its own, so the page's bytes are exactly the model's text. */
    private static final class TextWriter implements ModelWriter {

        @Override
        public String format() {
            return "single-flight-text";
        }

        @Override
        public MediaType mediaType() {
            return MediaType.TEXT_PLAIN_TYPE;
        }

        @Override
        public int preference() {
            return 100;
        }

        @Override
        public boolean writes(Class<?> model) {
            return model == String.class;
        }

        @Override
        public void write(Object model, OutputStream out) throws IOException {
            out.write(((String) model).getBytes(StandardCharsets.UTF_8));
        }
    }
}

package io.newsdesk.caching;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.newsdesk.format.ModelWriter;
import io.newsdesk.format.Rendered;
import io.newsdesk.format.Representations;
import io.newsdesk.links.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Every read's answer (RFC 9110 §13): If-None-Match (weak comparison, lists, {@code *}) takes precedence over
 * If-Modified-Since, and a match answers 304 before any representation is built. Every answer, 200 or 304,
 * carries ETag, Last-Modified, Cache-Control and Vary.
 *
 * <p>Each answer is sent in the content coding Accept-Encoding asks for ({@link Compression}); a coded variant has
 * its own strong ETag ({@link Coding#tag}), and If-None-Match naming any variant of the current representation is
 * answered 304, with the ETag of the variant a 200 would send when the client named it, else of the one it named.
 *
 * <p>Answers come from the {@link RenderCache} while the {@link DataVersion} they were made at is current: then
 * a read costs no database work at all, a 200 sends stored bytes and a 304 compares stored validators. After any
 * committed write the version moves and the next read of each URL validates (and, for a 200, renders) again.
 *
 * <p>A feed of a selection also answers delta requests ({@link FeedDeltas}: {@code A-IM: feed}, 226 with the items
 * that changed), and so every answer of it varies on {@code A-IM} too.
 */
@ApplicationScoped
public class Conditional {

    private static final long JOIN_WAIT_SECONDS = 30;
    static final String PERSONAL = "private, no-store";

    private final String currentCacheControl;
    private final String archiveCacheControl;
    private final RenderCache cache;
    private final Releases version;
    private final Representations representations;
    private final CacheMetrics metrics;
    private final FeedDeltas deltas;
    private final Compression compression;
    /** Reads being made now, by data version and key (see {@link #answerRendered}). */
    private final Map<String, CompletableFuture<RenderCache.Entry>> making = new ConcurrentHashMap<>();

    Conditional(
            CachingConfig config,
            RenderCache cache,
            Releases version,
            Representations representations,
            CacheMetrics metrics,
            FeedDeltas deltas,
            Compression compression) {
        this.currentCacheControl = config.cacheControl();
        this.archiveCacheControl = config.archiveCacheControl();
        this.cache = cache;
        this.version = version;
        this.representations = representations;
        this.metrics = metrics;
        this.deltas = deltas;
        this.compression = compression;
    }

    /**
     * The answer to a read of {@code model} as {@code writer} writes it, at {@code links.request()}: 304 when the
     * client's validators match, else 200. {@code validators} and {@code model} run only on a cache miss.
     */
    public Response answer(
            Preconditions headers,
            Links links,
            ModelWriter writer,
            Lifetime lifetime,
            Supplier<Validators> validators,
            Supplier<?> model) {
        Preconditions lasting = headers.lasting(lifetime);
        long at = cacheVersion(lasting);
        return answer(lasting.until(version.next().orElse(null)), links, writer, validators, model, at);
    }

    /** Like {@link #answer}, for a read that moves by itself (the change log): never cached. */
    public Response answerLive(
            Preconditions headers,
            Links links,
            ModelWriter writer,
            Supplier<Validators> validators,
            Supplier<?> model) {
        cacheVersion(headers); // learns the next release, which caps max-age
        return answer(headers.until(version.next().orElse(null)), links, writer, validators, model, -1);
    }

    private Response answer(
            Preconditions headers,
            Links links,
            ModelWriter writer,
            Supplier<Validators> validators,
            Supplier<?> model,
            long at) {
        String key = key(writer, links);
        RenderCache.Entry entry = at < 0 ? null : cache.get(key, at);
        Validators tags = entry != null ? entry.validators() : validators.get();
        if (notModified(headers, tags)) {
            metrics.answered(entry != null ? CacheMetrics.HIT : at < 0 ? CacheMetrics.OFF : CacheMetrics.MISS, true);
            if (entry == null && at >= 0) {
                cache.put(key, new RenderCache.Entry(at, tags, null));
            }
            return notModified(headers, tags, entry, HttpHeaders.ACCEPT);
        }
        if (entry != null && entry.body() != null) {
            metrics.answered(CacheMetrics.HIT, false);
            return send(key, entry, headers, HttpHeaders.ACCEPT);
        }
        Object read = model.get();
        if (writer.streams(read.getClass())) {
            metrics.answered(CacheMetrics.STREAMED, false);
            return streamed(read, writer, tags, headers);
        }
        Rendered rendered = representations.render(read, writer);
        metrics.answered(at < 0 ? CacheMetrics.OFF : CacheMetrics.MISS, false);
        RenderCache.Entry made = new RenderCache.Entry(at, tags, rendered);
        if (at >= 0) {
            cache.put(key, made);
        }
        return send(key, made, headers, HttpHeaders.ACCEPT);
    }

    /**
     * Like {@link #answer}, for a read whose validators come from its own bytes: on a miss the page is read and
     * rendered first, its ETag is a digest of the bytes and its Last-Modified is {@code lastModified} of the
     * model, so no aggregate over the whole selection is needed. {@code validators} serves only a representation
     * the writer streams (a CSV export), which must have its validators before its first byte.
     *
     * <p>A feed document answers a request for a delta with 226 when it names a version remembered here (see
     * {@link FeedDeltas}); the delta is rendered from the document's items, kept with its bytes, so it costs no
     * database work either.
     *
     * <p>Requests for the same key that miss while one of them is reading and rendering it wait for that one
     * (single flight) and count as cache hits: a cold, slow page (a search over a million articles) asked for by
     * many clients at once costs one query, not one per client, and does not empty the connection pool.
     */
    public <M> Response answerRendered(
            Preconditions request,
            Links links,
            ModelWriter writer,
            Lifetime lifetime,
            boolean streamed,
            Supplier<Validators> validators,
            Supplier<M> model,
            Function<M, Instant> lastModified) {
        if (streamed) {
            return answer(request, links, writer, lifetime, validators, model);
        }
        Preconditions lasting = request.lasting(lifetime);
        long at = cacheVersion(lasting);
        Preconditions headers = lasting.until(version.next().orElse(null));
        String key = key(writer, links);
        RenderCache.Entry entry = at < 0 ? null : cache.get(key, at);
        if (entry != null && entry.body() != null) {
            return fromCache(headers, key, writer, entry);
        }
        // single flight: one request per key and version reads and renders, the others arriving meanwhile wait
        CompletableFuture<RenderCache.Entry> mine = null;
        String flight = at + " " + key;
        if (at >= 0) {
            mine = new CompletableFuture<>();
            CompletableFuture<RenderCache.Entry> theirs = making.putIfAbsent(flight, mine);
            if (theirs != null) {
                RenderCache.Entry made = await(theirs);
                if (made != null) {
                    return fromCache(headers, key, writer, made);
                }
                mine = null; // theirs failed or took too long: make it without joining
            }
        }
        RenderCache.Entry made;
        try {
            made = render(key, at, writer, model, lastModified);
            if (mine != null) {
                mine.complete(made);
            }
        } catch (RuntimeException | Error e) {
            if (mine != null) {
                mine.completeExceptionally(e);
            }
            throw e;
        } finally {
            if (mine != null) {
                making.remove(flight, mine);
            }
        }
        if (at >= 0) {
            cache.put(key, made);
        }
        boolean notModified = notModified(headers, made.validators());
        metrics.answered(at < 0 ? CacheMetrics.OFF : CacheMetrics.MISS, notModified);
        return answer(headers, key, writer, made, notModified);
    }

    private <M> RenderCache.Entry render(
            String key, long at, ModelWriter writer, Supplier<M> model, Function<M, Instant> lastModified) {
        M read = model.get();
        Rendered rendered = representations.render(read, writer);
        RenderCache.Entry made = new RenderCache.Entry(
                at,
                Validators.ofBytes(lastModified.apply(read), key, rendered.body()),
                rendered,
                writer.feedItems(read));
        deltas.remember(key, made);
        return made;
    }

    private Response fromCache(Preconditions headers, String key, ModelWriter writer, RenderCache.Entry entry) {
        boolean notModified = notModified(headers, entry.validators());
        metrics.answered(CacheMetrics.HIT, notModified);
        return answer(headers, key, writer, entry, notModified);
    }

    /** 304, 226 (a delta of a feed), or 200 with the stored bytes. */
    private Response answer(
            Preconditions headers, String key, ModelWriter writer, RenderCache.Entry entry, boolean notModified) {
        boolean delta = FeedDeltas.asked(headers, entry);
        String vary = entry.feed() == null ? HttpHeaders.ACCEPT : FeedDeltas.FEED_VARY;
        if (notModified) {
            if (delta) {
                deltas.notModified(key, entry);
            }
            return notModified(headers, entry.validators(), entry, vary);
        }
        Response imUsed = delta ? deltas.delta(headers, key, entry, writer) : null;
        return imUsed != null ? imUsed : send(key, entry, headers, vary);
    }

    /**
     * What another request is making for the same key and version, or null if that failed (this request then
     * tries itself, and answers with its own error: an exception, and the response it may carry, belongs to the
     * thread that raised it), took over {@value #JOIN_WAIT_SECONDS} s, or the wait was interrupted.
     */
    private static RenderCache.Entry await(CompletableFuture<RenderCache.Entry> flight) {
        try {
            return flight.get(JOIN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The data version entries are made and served at, or -1 when nothing may be cached now: the cache is off,
     * or the read is an editor's, which may show what the public may not see yet (embargoed articles).
     */
    private long cacheVersion(Preconditions headers) {
        if (headers.personal()) {
            return -1;
        }
        long at = version.current(); // also learns the next release, which caps max-age
        return cache.enabled() ? at : -1;
    }

    /**
     * Cache-Control of a read: an editor's answer is stored by no cache ({@value #PERSONAL}); an archive of a day
     * that is over has its own, long one (no release can fall into a past day); any other public one keeps no
     * copy past the next scheduled release ({@link Releases#capped}).
     */
    private String cacheControl(Preconditions headers) {
        if (headers.personal()) {
            return PERSONAL;
        }
        return headers.lifetime() == Lifetime.ARCHIVED
                ? archiveCacheControl
                : Releases.capped(currentCacheControl, headers.nextRelease());
    }

    /** A representation is fully determined by its format and absolute request URL. */
    private static String key(ModelWriter writer, Links links) {
        return writer.format() + ' ' + links.request();
    }

    /** 200 with the entry's bytes in the coding the request asks for (made once per entry and coding). */
    private Response send(String key, RenderCache.Entry entry, Preconditions headers, String vary) {
        Rendered rendered = entry.body();
        Coding coding = compression.choose(headers.acceptEncoding(), rendered.body().length);
        Response.ResponseBuilder builder =
                Response.ok(cache.encoded(key, entry, coding, compression), rendered.mediaType());
        rendered.headers().forEach(builder::header);
        if (coding != Coding.IDENTITY) {
            builder.header(HttpHeaders.CONTENT_ENCODING, coding.token());
        }
        Validators validators = entry.validators();
        return decorate(builder, coding.tag(validators.etag()), validators, headers, vary)
                .build();
    }

    /**
     * 304 with the ETag of the variant a 200 would send (its size decides whether it is coded; unknown without a
     * body, then as if large), or, when the client did not name that one, of the variant it named (RFC 9110
     * §15.4.5: the 304 tells a cache which stored variant is still current).
     */
    private Response notModified(Preconditions headers, Validators validators, RenderCache.Entry entry, String vary) {
        long length = entry == null || entry.body() == null
                ? Long.MAX_VALUE
                : entry.body().body().length;
        String sent = compression.choose(headers.acceptEncoding(), length).tag(validators.etag());
        String ifNoneMatch = headers.ifNoneMatch();
        String held = ifNoneMatch == null || EntityTags.anyMatchesWeakly(ifNoneMatch, sent)
                ? sent
                : Coding.firstNamed(ifNoneMatch, validators.etag());
        return decorate(Response.notModified(), held == null ? sent : held, validators, headers, vary)
                .build();
    }

    /** 200 with a representation written as it is read (a CSV export), coded as it is written. */
    private Response streamed(Object read, ModelWriter writer, Validators validators, Preconditions headers) {
        Coding coding = compression.choose(headers.acceptEncoding(), Long.MAX_VALUE);
        Response response = representations.ok(read, writer, compression.streaming(coding));
        response.getHeaders().putSingle(HttpHeaders.ETAG, coding.tag(validators.etag()));
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl(headers));
        response.getHeaders().putSingle(HttpHeaders.VARY, compression.vary(HttpHeaders.ACCEPT));
        if (coding != Coding.IDENTITY) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_ENCODING, coding.token());
        }
        return response;
    }

    /** The validators of a representation a write answers with, so the next If-Match can use its ETag. */
    public Response tagged(Response response, Validators validators) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, validators.etag());
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()));
        return response;
    }

    private Response.ResponseBuilder decorate(
            Response.ResponseBuilder builder, String etag, Validators validators, Preconditions headers, String vary) {
        return builder.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl(headers))
                .header(HttpHeaders.VARY, compression.vary(vary));
    }

    /** Whether If-None-Match names the representation in any coding, or, without it, If-Modified-Since holds. */
    static boolean notModified(Preconditions headers, Validators validators) {
        String ifNoneMatch = headers.ifNoneMatch();
        if (ifNoneMatch != null) {
            return Coding.anyNamed(ifNoneMatch, validators.etag());
        }
        String ifModifiedSince = headers.ifModifiedSince();
        if (ifModifiedSince != null) {
            Instant since = httpDate(ifModifiedSince);
            return since != null && !validators.lastModified().isAfter(since);
        }
        return false;
    }

    /** An HTTP-date (IMF-fixdate; RFC 850 and asctime are accepted by the JDK's RFC 1123 parser only partly). */
    static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

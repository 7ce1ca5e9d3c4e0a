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
 * <p>Answers come from the {@link RenderCache} while the {@link DataVersion} they were made at is current: then
 * a read costs no database work at all, a 200 sends stored bytes and a 304 compares stored validators. After any
 * committed write the version moves and the next read of each URL validates (and, for a 200, renders) again.
 */
@ApplicationScoped
public class Conditional {

    private static final long JOIN_WAIT_SECONDS = 30;

    private final String currentCacheControl;
    private final String archiveCacheControl;
    private final RenderCache cache;
    private final DataVersion version;
    private final Representations representations;
    private final CacheMetrics metrics;
    /** Reads being made now, by data version and key (see {@link #answerRendered}). */
    private final Map<String, CompletableFuture<RenderCache.Entry>> making = new ConcurrentHashMap<>();

    Conditional(
            CachingConfig config,
            RenderCache cache,
            DataVersion version,
            Representations representations,
            CacheMetrics metrics) {
        this.currentCacheControl = config.cacheControl();
        this.archiveCacheControl = config.archiveCacheControl();
        this.cache = cache;
        this.version = version;
        this.representations = representations;
        this.metrics = metrics;
    }

    /**
     * The answer to a read of {@code model} as {@code writer} writes it, at {@code links.request()}: 304 when the
     * client's validators match, else 200, with the {@code Cache-Control} of its {@code lifetime}.
     * {@code validators} and {@code model} run only on a cache miss.
     */
    public Response answer(
            Preconditions headers,
            Links links,
            ModelWriter writer,
            Lifetime lifetime,
            Supplier<Validators> validators,
            Supplier<?> model) {
        String cacheControl = cacheControl(lifetime);
        long at = cacheVersion();
        String key = key(writer, links);
        RenderCache.Entry entry = at < 0 ? null : cache.get(key, at);
        Validators tags = entry != null ? entry.validators() : validators.get();
        if (notModified(headers, tags)) {
            metrics.answered(entry != null ? CacheMetrics.HIT : at < 0 ? CacheMetrics.OFF : CacheMetrics.MISS, true);
            if (entry == null && at >= 0) {
                cache.put(key, new RenderCache.Entry(at, tags, null));
            }
            return decorate(Response.notModified(), tags, cacheControl).build();
        }
        if (entry != null && entry.body() != null) {
            metrics.answered(CacheMetrics.HIT, false);
            return send(entry.body(), tags, cacheControl);
        }
        Object read = model.get();
        if (writer.streams(read.getClass())) {
            metrics.answered(CacheMetrics.STREAMED, false);
            return withValidators(representations.ok(read, writer), tags, cacheControl);
        }
        Rendered rendered = representations.render(read, writer);
        metrics.answered(at < 0 ? CacheMetrics.OFF : CacheMetrics.MISS, false);
        if (at >= 0) {
            cache.put(key, new RenderCache.Entry(at, tags, rendered));
        }
        return send(rendered, tags, cacheControl);
    }

    /**
     * Like {@link #answer}, for a read whose validators come from its own bytes: on a miss the page is read and
     * rendered first, its ETag is a digest of the bytes and its Last-Modified is {@code lastModified} of the
     * model, so no aggregate over the whole selection is needed. {@code validators} serves only a representation
     * the writer streams (a CSV export), which must have its validators before its first byte.
     *
     * <p>Requests for the same key that miss while one of them is reading and rendering it wait for that one
     * (single flight) and count as cache hits: a cold, slow page (a search over a million articles) asked for by
     * many clients at once costs one query, not one per client, and does not empty the connection pool.
     */
    public <M> Response answerRendered(
            Preconditions headers,
            Links links,
            ModelWriter writer,
            Lifetime lifetime,
            boolean streamed,
            Supplier<Validators> validators,
            Supplier<M> model,
            Function<M, Instant> lastModified) {
        if (streamed) {
            return answer(headers, links, writer, lifetime, validators, model);
        }
        String cacheControl = cacheControl(lifetime);
        long at = cacheVersion();
        String key = key(writer, links);
        RenderCache.Entry entry = at < 0 ? null : cache.get(key, at);
        if (entry != null && entry.body() != null) {
            return fromCache(headers, entry, cacheControl);
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
                    return fromCache(headers, made, cacheControl);
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
        return answer(made, notModified, cacheControl);
    }

    private <M> RenderCache.Entry render(
            String key, long at, ModelWriter writer, Supplier<M> model, Function<M, Instant> lastModified) {
        M read = model.get();
        Rendered rendered = representations.render(read, writer);
        return new RenderCache.Entry(at, Validators.ofBytes(lastModified.apply(read), key, rendered.body()), rendered);
    }

    private Response fromCache(Preconditions headers, RenderCache.Entry entry, String cacheControl) {
        boolean notModified = notModified(headers, entry.validators());
        metrics.answered(CacheMetrics.HIT, notModified);
        return answer(entry, notModified, cacheControl);
    }

    private Response answer(RenderCache.Entry entry, boolean notModified, String cacheControl) {
        return notModified
                ? decorate(Response.notModified(), entry.validators(), cacheControl)
                        .build()
                : send(entry.body(), entry.validators(), cacheControl);
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

    /** The data version entries are made and served at, or -1 when nothing may be cached now. */
    private long cacheVersion() {
        return cache.enabled() ? version.current() : -1;
    }

    private String cacheControl(Lifetime lifetime) {
        return lifetime == Lifetime.ARCHIVED ? archiveCacheControl : currentCacheControl;
    }

    /** A representation is fully determined by its format and absolute request URL. */
    private static String key(ModelWriter writer, Links links) {
        return writer.format() + ' ' + links.request();
    }

    private Response send(Rendered rendered, Validators tags, String cacheControl) {
        Response.ResponseBuilder builder = Response.ok(rendered.body(), rendered.mediaType());
        rendered.headers().forEach(builder::header);
        return decorate(builder, tags, cacheControl).build();
    }

    private static Response withValidators(Response response, Validators validators, String cacheControl) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, validators.etag());
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        return response;
    }

    /** The validators of a representation a write answers with, so the next If-Match can use its ETag. */
    public Response tagged(Response response, Validators validators) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, validators.etag());
        response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()));
        return response;
    }

    private static Response.ResponseBuilder decorate(
            Response.ResponseBuilder builder, Validators validators, String cacheControl) {
        return builder.header(HttpHeaders.ETAG, validators.etag())
                .header(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    static boolean notModified(Preconditions headers, Validators validators) {
        String ifNoneMatch = headers.ifNoneMatch();
        if (ifNoneMatch != null) {
            return EntityTags.anyMatchesWeakly(ifNoneMatch, validators.etag());
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

package io.newsdesk.pipeline;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

import io.newsdesk.caching.Lifetime;
import io.newsdesk.caching.Validators;
import io.newsdesk.links.Links;

/**
 * What a resource method returns: a typed model, not yet read, and what kind of answer it is. The
 * {@link Pipeline} makes the response from it in one place for every resource: it has negotiated the writer
 * before the method ran, and then reads the model (or answers 304 without reading it), renders it, caches it,
 * and adds the validators and {@code Vary}. Resources and services build answers; nothing else about HTTP
 * caching or formats is their business.
 *
 * <ul>
 * <li>{@link #read}: a GET whose validators are known before the model is read (one article, a catalog, the
 * archive of days). A match answers 304 before the model is read.</li>
 * <li>{@link #rendered}: a GET whose ETag is a digest of its bytes (a page of a selection): read and rendered
 * on a miss, served from the render cache until the data version moves, single flight. Its model may depend on
 * the negotiated format (a feed's documents are whole days, a JSON page is {@code limit} items).</li>
 * <li>{@link #written} and {@link #created}: the answer to a write, never cached; {@link #tagged} adds the
 * validators a GET of the same URL would have.</li>
 * </ul>
 * A read is cached by shared caches for its {@link Lifetime} ({@link #lasting}), {@code CURRENT} unless it says
 * otherwise.
 *
 * @param <M> the model type; the pipeline negotiates among the writers of this type
 */
public final class Answer<M> {

    /** Validators of a representation in one format at one URL, computed without reading the model. */
    @FunctionalInterface
    public interface Validation {
        Validators of(String format, Links links);
    }

    /** The model of a read in one format at one URL. */
    @FunctionalInterface
    public interface Reading<M> {
        M of(String format, Links links);
    }

    enum Kind {
        READ,
        RENDERED,
        WRITTEN,
        CREATED,
        /**
         * A read of something that moves on its own, not with the content the render cache follows (the change
         * log): validators on every request, never served from the cache.
         */
        LIVE
    }

    private final Kind kind;
    private final Reading<M> model;
    private final Validation validation;
    private final Function<M, Instant> lastModified;
    private final Function<Links, String> location;
    private final Lifetime lifetime;

    private Answer(
            Kind kind,
            Reading<M> model,
            Validation validation,
            Function<M, Instant> lastModified,
            Function<Links, String> location,
            Lifetime lifetime) {
        this.kind = kind;
        this.model = Objects.requireNonNull(model);
        this.validation = validation;
        this.lastModified = lastModified;
        this.location = location;
        this.lifetime = Objects.requireNonNull(lifetime);
    }

    private static <M> Reading<M> anyFormat(Function<Links, M> model) {
        Objects.requireNonNull(model);
        return (format, links) -> model.apply(links);
    }

    /** A read whose validators come first: a 304 costs them only, the model is read for a 200 alone. */
    public static <M> Answer<M> read(Validation validators, Function<Links, M> model) {
        return new Answer<>(
                Kind.READ, anyFormat(model), Objects.requireNonNull(validators), null, null, Lifetime.CURRENT);
    }

    /** A {@link Kind#LIVE} read: like {@link #read}, never cached. */
    public static <M> Answer<M> live(Validation validators, Function<Links, M> model) {
        return new Answer<>(
                Kind.LIVE, anyFormat(model), Objects.requireNonNull(validators), null, null, Lifetime.CURRENT);
    }

    /**
     * A read whose ETag is a digest of its bytes and whose Last-Modified is {@code lastModified} of the model.
     * {@code streamed} gives the validators of a representation that is streamed rather than rendered (a CSV
     * export of a whole selection), which must be known before its first byte.
     */
    public static <M> Answer<M> rendered(Reading<M> model, Function<M, Instant> lastModified, Validation streamed) {
        return new Answer<>(
                Kind.RENDERED,
                model,
                Objects.requireNonNull(streamed),
                Objects.requireNonNull(lastModified),
                null,
                Lifetime.CURRENT);
    }

    /** 200 with the model of a write that has happened. */
    public static <M> Answer<M> written(Function<Links, M> model) {
        return new Answer<>(Kind.WRITTEN, anyFormat(model), null, null, null, Lifetime.CURRENT);
    }

    /** 201 with the created resource's {@code Location} and its model. */
    public static <M> Answer<M> created(Function<Links, String> location, Function<Links, M> model) {
        return new Answer<>(
                Kind.CREATED, anyFormat(model), null, null, Objects.requireNonNull(location), Lifetime.CURRENT);
    }

    /** This read, cached by shared caches for {@code lifetime}. */
    public Answer<M> lasting(Lifetime lifetime) {
        if (kind != Kind.READ && kind != Kind.RENDERED) {
            throw new IllegalStateException("only a read is cached; the answer to a write never is");
        }
        return new Answer<>(kind, model, validation, lastModified, location, lifetime);
    }

    /**
     * This answer to a write with the validators a GET of its URL (for a creation: of its {@code Location}, with
     * the same query) would answer, so that the next {@code If-Match} can use its ETag without reading it back.
     */
    public Answer<M> tagged(Validation validators) {
        if (kind != Kind.WRITTEN && kind != Kind.CREATED) {
            throw new IllegalStateException("only the answer to a write is tagged; reads have validators already");
        }
        return new Answer<>(kind, model, Objects.requireNonNull(validators), null, location, lifetime);
    }

    Kind kind() {
        return kind;
    }

    M model(String format, Links links) {
        return model.of(format, links);
    }

    Lifetime lifetime() {
        return lifetime;
    }

    /** Null for a write answered without validators. */
    Validation validation() {
        return validation;
    }

    Instant lastModified(M read) {
        return lastModified.apply(read);
    }

    String location(Links links) {
        return location.apply(links);
    }
}

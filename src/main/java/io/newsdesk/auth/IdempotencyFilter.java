package io.newsdesk.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import io.newsdesk.auth.IdempotencyKeys.Answer;
import io.newsdesk.auth.IdempotencyKeys.Claimed;
import io.newsdesk.auth.IdempotencyKeys.InProgress;
import io.newsdesk.auth.IdempotencyKeys.Replay;
import io.newsdesk.auth.IdempotencyKeys.Reused;
import io.newsdesk.format.Representations;
import io.newsdesk.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Idempotency-Key} on every POST (IETF draft-ietf-httpapi-idempotency-key-header). A request with a key
 * claims it before it is carried out (after the editor key was checked); a retry with the same key and the same
 * request (method, path and query, body) gets the first answer again, byte for byte, with
 * {@code Idempotent-Replayed: true}; the same key with another request is a 422; a retry while the first is
 * still being carried out is a 409 with Retry-After. Only successful answers are kept: a request that failed
 * before its write committed changed nothing, so its key is given up and a retry is carried out afresh; once the
 * write committed, the key is never given up ({@link IdempotencyKeys}). Keys are scoped to the credentials that
 * sent them, so one editor's keys never answer another's requests. A retry gets the first answer in the format
 * of the first request.
 */
@Provider
@Idempotent
@Priority(Priorities.AUTHORIZATION)
class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;
    private final IdempotencyKeys keys;
    private final IdempotencyClaim held;

    IdempotencyFilter(IdempotencyKeys keys, IdempotencyClaim held) {
        this.keys = keys;
        this.held = held;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<String> values = request.getHeaders().get(HEADER);
        if (values == null || values.isEmpty()) {
            return;
        }
        String key = key(values);
        long maxBodyBytes = keys.maxBodyBytes(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        byte[] body = request.hasEntity() ? request.getEntityStream().readNBytes((int) maxBodyBytes + 1) : new byte[0];
        if (body.length > maxBodyBytes) {
            throw ProblemException.tooLarge("The request body is larger than " + maxBodyBytes + " bytes.");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String scope = scope(request.getHeaderString(HttpHeaders.AUTHORIZATION), key);
        URI target = request.getUriInfo().getRequestUri();
        String fingerprint = fingerprint(request.getMethod(), target.getRawPath(), target.getRawQuery(), body);
        IdempotencyKeys.Claim claim = keys.claim(scope, fingerprint);
        if (claim instanceof Claimed claimed) {
            held.hold(scope, claimed.token());
        } else if (claim instanceof Replay replay) {
            request.abortWith(replayed(replay.answer()));
        } else if (claim instanceof InProgress inProgress && inProgress.committed()) {
            throw ProblemException.idempotencyKeyInUse(
                    "The request with this Idempotency-Key was carried out,"
                            + " and its answer is being stored (or was lost to a failure after the write); retry after"
                            + " Retry-After, and if this answer stays, read the result (GET) instead.",
                    1);
        } else if (claim instanceof InProgress) {
            throw ProblemException.idempotencyKeyInUse(
                    "The first request with this Idempotency-Key is still being"
                            + " carried out; retry after Retry-After to get its answer.",
                    1);
        } else if (claim instanceof Reused) {
            throw ProblemException.idempotencyKeyReused("This Idempotency-Key was already used for a different"
                    + " request (method, URL or body). Send a new key with each new request; send the same key"
                    + " only to retry the same request.");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!held.held()) {
            return;
        }
        String scope = held.scope();
        String token = held.token();
        if (response.getStatus() < 200 || response.getStatus() >= 300) {
            keys.release(scope, token); // only when nothing was written: a committed claim stays
            return;
        }
        byte[] body = Representations.bytesOf(response.getEntity());
        MediaType type = response.getMediaType();
        if (response.hasEntity()) {
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
        keys.complete(
                scope,
                token,
                new Answer(
                        response.getStatus(),
                        response.getHeaderString(HttpHeaders.LOCATION),
                        response.getHeaderString(HttpHeaders.ETAG),
                        response.getHeaderString(HttpHeaders.LAST_MODIFIED),
                        type == null ? null : type.toString(),
                        body));
    }

    /** One key, 1 to 255 visible ASCII characters; the draft's quoted form ({@code "abc"}) is read too. */
    private static String key(List<String> values) {
        String key = values.size() == 1 ? values.get(0).strip() : "";
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.invalidHeader(
                    HEADER,
                    "Send one Idempotency-Key of 1 to " + MAX_LENGTH
                            + " visible ASCII characters, for example a random UUID, new for each new request.");
        }
        return key;
    }

    private static Response replayed(Answer answer) {
        Response.ResponseBuilder builder = Response.status(answer.status()).header(REPLAYED, "true");
        if (answer.location() != null) {
            builder.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            builder.header(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.lastModified() != null) {
            builder.header(HttpHeaders.LAST_MODIFIED, answer.lastModified());
        }
        if (answer.body() != null && answer.body().length > 0) {
            builder.entity(answer.body()).type(answer.contentType());
        }
        return builder.build();
    }

    /** Keys are kept apart per credentials (the whole Authorization header; anonymous POSTs share one space). */
    static String scope(String authorization, String key) {
        return digest((authorization == null ? "" : authorization) + "\n" + key);
    }

    /** What makes a retry the same request: method, path and query (not the host name a client used), body. */
    static String fingerprint(String method, String rawPath, String rawQuery, byte[] body) {
        return digest(method + " " + rawPath + "?" + rawQuery + "\n", body);
    }

    private static String digest(String text, byte[]... more) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(text.getBytes(StandardCharsets.UTF_8));
            for (byte[] bytes : more) {
                sha256.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

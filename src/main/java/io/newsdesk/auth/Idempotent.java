package io.newsdesk.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a POST that honours {@code Idempotency-Key} ({@link IdempotencyFilter}): a retry with the same key and
 * request gets the first answer again instead of a second write. Every POST carries it (a test checks).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {}

package io.newsdesk.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Editor keys ({@code newsdesk.auth.editor-keys}, comma-separated; env {@code NEWSDESK_AUTH_EDITOR_KEYS}) and the
 * lockout of clients that keep sending wrong ones ({@code NEWSDESK_AUTH_MAX_FAILURES},
 * {@code NEWSDESK_AUTH_FAILURE_WINDOW}, {@code NEWSDESK_AUTH_MAX_TRACKED_CLIENTS}).
 */
@ConfigMapping(prefix = "newsdesk.auth")
interface AuthConfig {

    /** None configured: every write is refused with 401. */
    Optional<List<String>> editorKeys();

    /** Refused writes one client address may make within {@link #failureWindow()} before it gets 429; 0 turns the lockout off. */
    @WithDefault("10")
    @Min(0) int maxFailures();

    /** How long refused writes are counted from the first one, and so the longest a lockout lasts. */
    @WithDefault("60S")
    Duration failureWindow();

    /** Client addresses remembered at most (least recently seen ones are forgotten first): bounds the memory. */
    @WithDefault("10000")
    @Min(1) int maxTrackedClients();
}

package io.newsdesk.auth;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Editor keys: {@code newsdesk.auth.editor-keys}, comma-separated (env {@code NEWSDESK_AUTH_EDITOR_KEYS}). */
@ConfigMapping(prefix = "newsdesk.auth")
interface AuthConfig {

    /** None configured: every write is refused with 401. */
    Optional<List<String>> editorKeys();
}

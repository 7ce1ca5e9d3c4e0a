package io.newsdesk.auth;

import jakarta.enterprise.context.RequestScoped;

/** The Idempotency-Key claim this request holds, if any: its scope and the token that proves it holds it. */
@RequestScoped
class IdempotencyClaim {

    private String scope;
    private String token;

    void hold(String scope, String token) {
        this.scope = scope;
        this.token = token;
    }

    boolean held() {
        return scope != null;
    }

    String scope() {
        return scope;
    }

    String token() {
        return token;
    }
}

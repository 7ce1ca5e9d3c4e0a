/**
 * Cross-cutting configuration and start-up: {@code NewsdeskConfig} (settings several packages read, checked at
 * start-up), the run-time choice between H2 and PostgreSQL ({@code DatabaseSelection}) and the active unit's
 * {@code EntityManager} ({@code Database}), migration timeouts, and the secrets every instance shares.
 * Depends on no other Newsdesk package; every package may depend on it.
 */
package io.newsdesk.system;

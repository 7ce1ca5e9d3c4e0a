/**
 * A WebSub hub (W3C Recommendation) built into Newsdesk: {@code POST /v1/websub} takes subscription requests for
 * topics that are feeds of {@code /v1/articles} ({@code Topics} normalises them), verifies intent with the
 * subscriber's callback ({@code Hub#verify}, on its own threads), turns the change log into delivery rows ({@code DeliveryPlanner}, one
 * instance at a time) and posts each subscriber the topic's new document, signed with its secret
 * ({@code Deliveries}, retried with backoff). {@code Callbacks} keeps every outbound request off private addresses.
 * May depend on {@code article}, {@code selection}, {@code format}, {@code links}, {@code auth} (its
 * hub endpoint honours {@code Idempotency-Key} like every POST), {@code caching}
 * (timestamps as read from the database), {@code problem} and {@code system}.
 */
package io.newsdesk.websub;

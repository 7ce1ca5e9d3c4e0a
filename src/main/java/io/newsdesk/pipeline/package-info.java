/**
 * The representation pipeline: the one way from a resource method's {@link io.newsdesk.pipeline.Answer} to a
 * response. Owns negotiation's place in the request (before the method runs), links of the request, and the
 * order of conditional answering, rendering and tagging. Depends on {@code format} (writers), {@code caching}
 * (validators, render cache), {@code links} and {@code auth} (whether the request is an editor's);
 * features depend on it, never the other way round.
 */
package io.newsdesk.pipeline;

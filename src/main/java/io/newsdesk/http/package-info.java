/**
 * What the router does to every HTTP exchange, whatever endpoint it reaches: CORS (public reads, writes from
 * configured origins only) and the {@code format} and {@code endpoint} tags of the request metrics. Beans that
 * nothing calls; their classes are package-private.
 * Depends on no other Newsdesk package.
 */
package io.newsdesk.http;

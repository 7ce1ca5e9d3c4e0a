/**
 * What the router does to every HTTP exchange, whatever endpoint it reaches: CORS (public reads, writes from
 * configured origins only), the {@code format} and {@code endpoint} tags of the request metrics, and reason
 * phrases Netty does not know ({@code 226 IM Used}). Beans that
 * nothing calls; their classes are package-private.
 * Depends on no other Newsdesk package.
 */
package io.newsdesk.http;

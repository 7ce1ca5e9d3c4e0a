/**
 * The change stream: {@code GET /v1/changes} as Server-Sent Events and as JSON for clients that poll, with the
 * selection parameters of {@code /v1/articles}, read from the article change log.
 */
package io.newsdesk.changes;

/**
 * The query model of every read: {@code Selection} (categories, sources, time window, text query, sort, page), its
 * parsing from query parameters with a 400 for each bad value, the slug syntax, the newsroom's day and window
 * rules, and signed keyset cursors.
 * May depend on {@code format} (which text every format can carry), {@code problem} and {@code system}.
 */
package io.newsdesk.selection;

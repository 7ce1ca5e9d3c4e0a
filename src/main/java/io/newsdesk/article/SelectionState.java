package io.newsdesk.article;

import java.time.Instant;

/**
 * What a whole selection's validators derive from, as the query builds it: its newest change (null when it is
 * empty), how many articles it has and their total views.
 */
record SelectionState(Instant newest, long count, long views) {

    static final String SELECT = "select new io.newsdesk.article.SelectionState(max(case when a.publishedAt >"
            + " a.updatedAt then a.publishedAt else a.updatedAt end), count(a),"
            + " coalesce(sum(a.views), 0)) from Article a";
}

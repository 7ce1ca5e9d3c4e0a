/**
 * Articles: the entity, {@code ArticleQueries} (pages of a selection, one article, the slugs-to-ids step),
 * {@code ArchiveQueries} (days with articles), {@code ArchivedFeeds} (a selection's feeds as RFC 5005 archived feeds,
 * sliced into days), {@code ArticleCommands} (writes in one transaction), the views and
 * lists every format shows, the mapping of articles to feed documents ({@code ArticleFeeds}), their validators
 * ({@code ArticleFreshness}), and the resources of {@code /v1/articles} and {@code /v1/dates}. Its queries
 * build records ({@code ArticleRow}, {@code ArticleState}, {@code SelectionState}, ...) with JPQL constructor
 * expressions or by column name, never positional rows. Embargoes ({@code Embargoes}): an article whose
 * publishedAt is still ahead is in no public read. The change log ({@code ChangeLog}, numbered by
 * {@code ChangeSequencer}, read per selection through {@code ChangeFilter}): what the public saw change.
 * May depend on {@code catalog} (an article's entity references a category and a source), {@code selection},
 * {@code body}, {@code links}, {@code format}, {@code caching}, {@code auth}, {@code problem} and {@code system}.
 */
package io.newsdesk.article;

/**
 * Representations: negotiation ({@code format=}, then Accept, then JSON; 400 and 406 before any query) and one
 * {@link io.newsdesk.format.ModelWriter} per media type, found through CDI. Writers know the format's own models,
 * never a feature's: the feed writers (RSS, Atom, JSON Feed) render a {@link io.newsdesk.format.FeedDocument} or a
 * {@link io.newsdesk.format.FeedEntry} that a {@link io.newsdesk.format.Syndicated} model maps itself to, and
 * expose a feed document's items as {@link io.newsdesk.format.FeedItems} for delta feeds (RFC 3229); CSV
 * renders a {@link io.newsdesk.format.Tabular} model, or streams the rows a feature's
 * {@link io.newsdesk.format.RowSource} reads; JSON and XML serialize any record with Jackson, XML under the element
 * names the record declares; HTML renders the feed models as the article and selection pages and a
 * {@link io.newsdesk.format.Tabular} model as a table page, with Qute. {@link io.newsdesk.format.XmlChars} says which text every format can carry, so
 * that input parsing refuses the rest. Features depend on this package; it depends on no feature, only on
 * {@code problem} and {@code system} (the HTML pages' language and time zone).
 */
package io.newsdesk.format;

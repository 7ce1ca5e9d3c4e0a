package io.newsdesk.source;

import java.util.List;

/** Every source, by name. */
public record SourceList(List<SourceView> items) {
}

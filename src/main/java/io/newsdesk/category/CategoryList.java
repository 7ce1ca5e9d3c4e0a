package io.newsdesk.category;

import java.util.List;

/** Every category, by name. */
public record CategoryList(List<CategoryView> items) {
}

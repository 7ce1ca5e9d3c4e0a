package io.newsdesk.catalog;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.newsdesk.links.Links;

/**
 * A kind of catalog entry, as data: everything in which categories and sources differ, so that one queries
 * class, one commands class and one resource base serve both. {@code website} is the one difference of content
 * (a source has the URL of its outlet); the rest is names: the entity, the words in paths and messages, the
 * view and list records with their field order (which is the CSV column order too), and the entry's link.
 */
public record Catalog<V extends CatalogView, L extends CatalogList>(
        Class<? extends CatalogEntry> entity,
        Supplier<? extends CatalogEntry> create,
        String singular,
        String plural,
        boolean website,
        List<String> columns,
        Class<V> viewType,
        Class<L> listType,
        BiFunction<Links, String, String> link,
        BiFunction<CatalogRow, Links, V> view,
        Function<List<V>, L> list) {

    public static final Catalog<CategoryView, CategoryList> CATEGORIES = new Catalog<>(
            Category.class,
            Category::new,
            "category",
            "categories",
            false,
            List.of("slug", "name", "articleCount", "url"),
            CategoryView.class,
            CategoryList.class,
            Links::category,
            (row, links) -> new CategoryView(row.slug(), row.name(), row.articleCount(), links.category(row.slug())),
            CategoryList::new);

    public static final Catalog<SourceView, SourceList> SOURCES = new Catalog<>(
            Source.class,
            Source::new,
            "source",
            "sources",
            true,
            List.of("slug", "name", "url", "articleCount"),
            SourceView.class,
            SourceList.class,
            Links::source,
            (row, links) -> new SourceView(row.slug(), row.name(), row.website(), row.articleCount()),
            SourceList::new);

    private static final List<Catalog<?, ?>> ALL = List.of(CATEGORIES, SOURCES);

    /** The catalog whose view or list record this is. */
    static Catalog<?, ?> of(Class<?> record) {
        return ALL.stream()
                .filter(c -> c.viewType == record || c.listType == record)
                .findFirst()
                .orElseThrow();
    }

    /** The entity's name in JPQL. */
    String entityName() {
        return entity.getSimpleName();
    }

    /** "Category", "Source": the singular at the start of a message. */
    String title() {
        return Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
    }

    /**
     * The text of the link in an entry's {@code url} column: a source's is its outlet's website, a category's is
     * its own page in this API.
     */
    String linkText(String name) {
        return website ? "Website of " + name : title() + " " + name;
    }

    /** The fields a POST or PUT body writes; the other columns may be sent back as they were read. */
    Set<String> writable() {
        return website ? Set.of("slug", "name", "url") : Set.of("slug", "name");
    }

    Set<String> readOnly() {
        return Set.copyOf(
                columns.stream().filter(column -> !writable().contains(column)).toList());
    }
}

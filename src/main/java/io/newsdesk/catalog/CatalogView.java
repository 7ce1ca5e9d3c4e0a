package io.newsdesk.catalog;

import java.util.List;

import io.newsdesk.format.Tabular;

/**
 * What every catalog view has, and its table: the view records only declare their JSON and XML shape (field
 * order, element names); their catalog gives the column order, in which each row shows the same fields.
 */
public interface CatalogView extends Tabular {

    String slug();

    String name();

    long articleCount();

    String url();

    default Catalog<?, ?> catalog() {
        return Catalog.of(getClass());
    }

    @Override
    default String tableName() {
        return catalog().singular() + "-" + slug();
    }

    @Override
    default List<String> columns() {
        return catalog().columns();
    }

    @Override
    default List<List<Object>> rows() {
        return List.of(cells());
    }

    @Override
    default String caption() {
        return catalog().title() + " " + name();
    }

    @Override
    default String linkText(String column, List<Object> row) {
        return catalog().linkText(name());
    }

    /** The row of this entry in the catalog's column order (a list that may hold nulls). */
    default List<Object> cells() {
        return catalog().columns().stream().map(this::cell).toList();
    }

    private Object cell(String column) {
        return switch (column) {
            case "slug" -> slug();
            case "name" -> name();
            case "articleCount" -> articleCount();
            case "url" -> url();
            default -> throw new IllegalArgumentException("no column " + column);
        };
    }
}

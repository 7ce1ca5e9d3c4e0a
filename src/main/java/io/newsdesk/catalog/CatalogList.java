package io.newsdesk.catalog;

import java.util.List;

import io.newsdesk.format.Tabular;

/** Every entry of one catalog, by name, as a table named after the catalog. */
public interface CatalogList extends Tabular {

    List<? extends CatalogView> items();

    @Override
    default String tableName() {
        return Catalog.of(getClass()).plural();
    }

    @Override
    default List<String> columns() {
        return Catalog.of(getClass()).columns();
    }

    @Override
    default List<List<Object>> rows() {
        return items().stream().map(CatalogView::cells).toList();
    }

    @Override
    default String caption() {
        Catalog<?, ?> catalog = Catalog.of(getClass());
        return Character.toUpperCase(catalog.plural().charAt(0))
                + catalog.plural().substring(1);
    }

    @Override
    default String linkText(String column, List<Object> row) {
        return Catalog.of(getClass()).linkText((String) row.get(columns().indexOf("name")));
    }
}

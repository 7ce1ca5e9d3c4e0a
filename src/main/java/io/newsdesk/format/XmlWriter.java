package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.newsdesk.article.ArticleSelection;
import io.newsdesk.article.ArticleView;
import io.newsdesk.article.DayList;
import io.newsdesk.article.ViewCount;
import io.newsdesk.category.CategoryList;
import io.newsdesk.category.CategoryView;
import io.newsdesk.source.SourceList;
import io.newsdesk.source.SourceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * XML: the same model as JSON with the same field names, under stable element names ({@code <articles>},
 * {@code <article>}, {@code <categories>}, ...; see {@link XmlElementNames}). A page carries {@code <next>}
 * exactly when JSON's {@code next} is not null. UTF-8 throughout, astral characters written as themselves.
 */
@ApplicationScoped
class XmlWriter implements ModelWriter {

    static final MediaType MEDIA_TYPE = new MediaType("application", "xml", "utf-8");

    private static final Set<Class<?>> MODELS = Set.of(ArticleSelection.class, ArticleView.class,
            CategoryList.class, CategoryView.class, SourceList.class, SourceView.class, DayList.class,
            ViewCount.class);

    private final ObjectWriter writer = XmlElementNames.mapper().writer();

    @Override
    public String format() {
        return "xml";
    }

    @Override
    public MediaType mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public int preference() {
        return 10;
    }

    @Override
    public boolean writes(Class<?> model) {
        return MODELS.contains(model);
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        writer.writeValue(out, model instanceof ArticleSelection selection ? selection.page() : model);
    }
}

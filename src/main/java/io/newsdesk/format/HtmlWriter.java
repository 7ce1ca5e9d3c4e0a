package io.newsdesk.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newsdesk.system.NewsdeskConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

/**
 * HTML for people, on the same URLs as every other format: a {@link FeedDocument} is the selection page, one
 * {@link FeedEntry} the article page, and every {@link Tabular} model (categories, sources, the archive of days) a
 * table page. Rendered by Qute from type-checked templates under {@code templates/html}, which escape all text;
 * no JavaScript. A browser's default Accept header rates {@code text/html} above everything, so it gets HTML,
 * while {@code *}{@code /*} and no Accept header still get JSON (JSON's preference is lower).
 */
@ApplicationScoped
class HtmlWriter implements ModelWriter {

    static final MediaType MEDIA_TYPE = new MediaType("text", "html", "utf-8");

    /** The templates, checked against the page models when the application is built. */
    @CheckedTemplate(basePath = "html")
    static class Templates {

        static native TemplateInstance article(HtmlPages.Article page);

        static native TemplateInstance selection(HtmlPages.Selection page);

        static native TemplateInstance table(HtmlPages.Table page);
    }

    private final HtmlArticles articles;
    private final HtmlSelections selections;
    private final HtmlTables tables;

    HtmlWriter(NewsdeskConfig config, ObjectMapper mapper) {
        HtmlSite site = HtmlSite.of(config.language(), config.timeZone());
        this.articles =
                new HtmlArticles(site, mapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8));
        this.selections = new HtmlSelections(site);
        this.tables = new HtmlTables(site);
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public MediaType mediaType() {
        return MEDIA_TYPE;
    }

    /** After every other format: wherever Accept rates several types equally, the data formats come first. */
    @Override
    public int preference() {
        return 60;
    }

    @Override
    public boolean writes(Class<?> model) {
        return Syndicated.class.isAssignableFrom(model) || Tabular.class.isAssignableFrom(model);
    }

    @Override
    public void write(Object model, OutputStream out) throws IOException {
        out.write(page(model).render().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private TemplateInstance page(Object model) {
        if (model instanceof Syndicated syndicated) {
            Syndication syndication = syndicated.syndication();
            return syndication instanceof FeedDocument document
                    ? Templates.selection(selections.page(document))
                    : Templates.article(articles.page((FeedEntry) syndication));
        }
        return Templates.table(tables.page((Tabular) model));
    }
}

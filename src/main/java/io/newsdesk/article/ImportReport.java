package io.newsdesk.article;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.newsdesk.links.Links;
import io.newsdesk.problem.Problem;

/**
 * The answer to a bulk import: how many articles were created and how many lines were refused, and for every line,
 * in order, its article ({@code status} 201, {@code id}, {@code location}) or its problem ({@code status} 400 and
 * the RFC 9457 problem a single create of that line would have answered).
 */
public record ImportReport(int created, int failed, List<Item> items) {

    /** One line of the import: {@code index} among the items from 0, {@code line} in the body from 1. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, int line, int status, Long id, String location, Problem problem) {}

    static ImportReport of(List<ArticleCommands.Imported> imported, Links links) {
        List<Item> items = new ArrayList<>(imported.size());
        int created = 0;
        for (ArticleCommands.Imported one : imported) {
            int index = one.line().index();
            int line = one.line().line();
            if (one.article() != null) {
                created++;
                long id = one.article().id();
                items.add(new Item(index, line, 201, id, links.article(id), null));
            } else {
                Problem problem = one.problem().problem();
                items.add(new Item(index, line, problem.status(), null, null, problem));
            }
        }
        return new ImportReport(created, items.size() - created, items);
    }
}

package io.newsdesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsdesk.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP CSV injection: text that a spreadsheet would run as a formula is exported with a leading
 * {@code '}, in every text column, and nothing else about the text changes.
 */
@QuarkusTest
class CsvInjectionTest extends ApiTest {

    static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"https://x\",\"y\")", "+1", "-2", "@SUM(1)", "\tTab", "\rCR", "=cmd|' /C calc'!A0", "-1+1");

    @Test
    void shouldNeutraliseEveryTitleThatStartsLikeAFormula() {
        String category = newCategory();
        String source = newSource();
        for (int i = 0; i < FORMULAS.size(); i++) {
            Map<String, Object> body = article(category, source, String.format("2026-04-%02dT10:00:00Z", i + 1));
            body.put("title", FORMULAS.get(i));
            body.put("summary", FORMULAS.get((i + 1) % FORMULAS.size()));
            body.put("content", FORMULAS.get((i + 2) % FORMULAS.size()) + "\nand more");
            newArticle(body);
        }

        Csv.Document csv = Csv.get("/v1/articles", Map.of("category", category, "sort", "oldest"));

        Csv.assertNoFormulaCell(csv.rows());
        assertEquals(FORMULAS.size(), csv.records().size());
        for (int i = 0; i < FORMULAS.size(); i++) {
            String[] row = csv.records().get(i);
            // Titles are trimmed when written, so "\tTab" and "\rCR" are stored as "Tab" and "CR", which start like
            // no formula; the summary column, never trimmed, still carries the tab and the CR and proves them
            // neutralised.
            String title = FORMULAS.get(i).strip();
            assertEquals(title.equals(FORMULAS.get(i)) ? "'" + title : title, row[2], "title");
            assertEquals("'" + FORMULAS.get((i + 1) % FORMULAS.size()), row[3], "summary");
            assertEquals(FORMULAS.get((i + 2) % FORMULAS.size()) + "\nand more", Csv.restored(row[4]), "content");
        }
    }

    @Test
    void shouldNeutraliseCategoryAndSourceNames() {
        String category = uniqueSlug("cat");
        editor().body(Map.of("slug", category, "name", "=1+2"))
                .post("/v1/categories")
                .then()
                .statusCode(201);
        String source = uniqueSlug("src");
        editor().body(Map.of("slug", source, "name", "@source", "url", "https://" + source + ".example.org"))
                .post("/v1/sources")
                .then()
                .statusCode(201);
        newArticle(category, source, "2026-04-01T10:00:00Z");

        Csv.Document articles = Csv.get("/v1/articles", Map.of("category", category));
        Csv.Document one = Csv.get("/v1/categories/" + category, Map.of());
        Csv.Document other = Csv.get("/v1/sources/" + source, Map.of());

        Csv.assertNoFormulaCell(articles.rows());
        Csv.assertNoFormulaCell(one.rows());
        Csv.assertNoFormulaCell(other.rows());
        assertEquals("'=1+2", articles.records().get(0)[6]);
        assertEquals("'@source", articles.records().get(0)[8]);
        assertEquals("'=1+2", one.records().get(0)[1]);
        assertEquals("'@source", other.records().get(0)[1]);
    }

    @Test
    void shouldLeaveTextAloneThatOnlyLooksLikeAFormulaInside() {
        String category = newCategory();
        Map<String, Object> body = article(category, newSource(), "2026-04-01T10:00:00Z");
        body.put("title", "Budget: 1+1=2, @council -3% 'quoted'");
        body.put("summary", "'=already quoted");
        long id = newArticle(body);

        Csv.Document csv = Csv.get("/v1/articles/" + id, Map.of());

        assertEquals("Budget: 1+1=2, @council -3% 'quoted'", csv.records().get(0)[2]);
        assertEquals("'=already quoted", csv.records().get(0)[3], "starts with ', which no spreadsheet runs");
    }
}

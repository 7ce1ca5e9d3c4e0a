package io.newsdesk.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code q} parsed the way {@code websearch_to_tsquery} reads it, written back in one canonical form. */
class TextQueryTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "harbour bridge                 | bridge harbour",
                "  Bridge \t HARBOUR  harbour   | bridge harbour",
                "\"City  Council\" vote         | \"city council\" vote",
                "storm -harbour                 | -harbour storm",
                "storm -\"harbour storm\"       | -\"harbour storm\" storm",
                "alpha or beta                  | alpha or beta",
                "beta OR alpha                  | alpha or beta",
                "a b or c                       | a b or c",
                "c or b a                       | a b or c",
                "or alpha or or beta or         | alpha or beta",
                "\"unterminated phrase          | \"unterminated phrase\"",
                "\"\" - -- alpha \"  \"         | alpha",
                "--alpha                        | -alpha",
                "-or                            | -or",
                "\"or\" alpha                   | \"or\" alpha",
                "covid-19 100% c:\\temp         | 100% c:\\temp covid-19",
                "x\"y z\"                       | \"y z\" x",
                "alpha\u00a0beta                | alpha beta",
            })
    void shouldParseAndWriteBackCanonically(String q, String canonical) {
        assertEquals(canonical, TextQuery.parse(q).text());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''", "'   '", "'-'", "'or'", "'\"\"'", "' - or \"  \" '"})
    void shouldBeEmptyWithoutAnyTerm(String q) {
        assertTrue(TextQuery.parse(q).isEmpty(), q);
    }

    @org.junit.jupiter.api.Test
    void shouldGroupTermsAroundOr() {
        TextQuery query = TextQuery.parse("harbour -strike \"city council\" or tunnel");
        assertEquals(
                List.of(
                        new TextQuery.Group(List.of(
                                new TextQuery.Term("city council", true, false),
                                new TextQuery.Term("strike", false, true),
                                new TextQuery.Term("harbour", false, false))),
                        new TextQuery.Group(List.of(new TextQuery.Term("tunnel", false, false)))),
                query.groups());
        assertEquals(
                List.of(
                        new TextQuery.Term("city council", true, false),
                        new TextQuery.Term("harbour", false, false),
                        new TextQuery.Term("tunnel", false, false)),
                query.positiveTerms());
    }
}

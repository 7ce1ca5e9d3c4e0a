package io.newsdesk.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Configuration is checked at start-up, not at first use: a value Newsdesk cannot work with stops the start,
 * and the message names the setting and says what to use instead. Each case starts the real application with
 * one bad value (as a system property, the highest configuration source but environment variables).
 */
@QuarkusMainTest
class StartupChecksTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "newsdesk.auth.editor-keys | too-short-a-key                          | openssl rand -hex 32",
                "newsdesk.auth.editor-keys | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | too few characters",
                "newsdesk.cursor.secret    | short-cursor-secret                      | openssl rand -hex 32",
                "newsdesk.time-zone        | +02:00:30                                | NEWSDESK_TIME_ZONE",
                "newsdesk.time-zone        | Mars/Olympus_Mons                        | a fixed offset such as +02:00",
                "newsdesk.language         | english!                                 | NEWSDESK_LANGUAGE",
                "newsdesk.public-url       | news.example/api                         | NEWSDESK_PUBLIC_URL",
                "newsdesk.public-url       | ftp://news.example                       | absolute http or https URL",
                "newsdesk.site.article-url | https://news.example/{title}             | {title} is no placeholder",
                "newsdesk.site.article-url | https://news.example/{category}          | names neither {id} nor {slug}",
                "newsdesk.site.article-url | /articles/{id}                           | NEWSDESK_SITE_ARTICLE_URL",
                "newsdesk.auth.failure-window | 0S                                    | NEWSDESK_AUTH_FAILURE_WINDOW",
                "newsdesk.auth.max-failures | -1                                      | newsdesk.auth.max-failures",
                "newsdesk.http.max-body-bytes | 0                                     | newsdesk.http.max-body-bytes",
            })
    void shouldRefuseToStartWithAValueItCannotUseAndSayWhy(
            String property, String value, String hint, QuarkusMainLauncher launcher) {
        Map<String, String> saved = Map.of(property, System.getProperty(property, ""));
        System.setProperty(property, value);
        try {
            LaunchResult result = launcher.launch();
            String output = result.getOutput() + "\n" + result.getErrorOutput();

            assertEquals(1, result.exitCode(), output);
            assertFalse(
                    output.contains("newer than the version Flyway has been verified with"),
                    "no start-up warning that tells nobody anything:\n" + output);
            assertTrue(output.contains(hint), "names " + hint + ":\n" + output);
            if (property.contains("key") || property.contains("secret")) {
                assertFalse(output.contains(value), "never prints the secret itself");
            }
        } finally {
            saved.forEach((name, old) -> {
                if (old.isEmpty()) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, old);
                }
            });
        }
    }
}

package io.newsdesk.caching;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample of {@code /q/metrics} (Prometheus text format). */
final class Metrics {

    private Metrics() {}

    static String text() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** {@code newsdesk_reads_total} for this cache result and answer; 0 when it has no sample yet. */
    static double reads(String cache, String answer) {
        return sample(text(), "newsdesk_reads_total", "answer=\"" + answer + "\",cache=\"" + cache + "\"");
    }

    static double sample(String metrics, String name, String labels) {
        Matcher matcher = Pattern.compile(
                        "^" + Pattern.quote(name + "{" + labels) + "[^}]*\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}

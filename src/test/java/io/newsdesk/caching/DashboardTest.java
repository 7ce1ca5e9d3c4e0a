package io.newsdesk.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Grafana dashboard under {@code docker/grafana} asks only for what {@code /q/metrics} has: after reads in
 * every format, a 304 and a write, every metric name of every PromQL expression is a sample of {@code /q/metrics},
 * and every exact label matcher ({@code cache="hit"}, {@code status="304"}) matches a sample of its metric. The
 * provisioning files, the compose file and {@code docker/prometheus.yml} agree on the datasource and the paths.
 * {@code docker/check-dashboard.sh} evaluates the same expressions in a real Prometheus.
 */
@QuarkusTest
class DashboardTest extends CachingSupport {

    private static final Path DOCKER = Path.of("docker");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYWORDS = Set.of("group_left", "group_right", "bool", "and", "or", "unless");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern EXACT = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

    @Test
    void shouldAskOnlyForMetricsAndLabelsThatNewsdeskExports() throws IOException {
        Newsroom newsroom = newsroom(1);
        for (String format : FORMATS) {
            ok(newsroom.articles(format), format);
        }
        String etag = etag(newsroom.articles("rss"), "rss");
        get(newsroom.articles("rss"), "If-None-Match", etag).then().statusCode(304);
        String metrics = Metrics.text();
        Set<String> exported = metrics.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));

        List<String> expressions = expressions();
        assertTrue(expressions.size() >= 15, "the dashboard was read: " + expressions);
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            names.addAll(metricNames(expression));
        }
        assertTrue(names.containsAll(Set.of("http_server_requests_seconds_count", "newsdesk_reads_total")), "" + names);
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(exported);
        assertEquals(Set.of(), missing, "metrics the dashboard uses that /q/metrics does not have");

        List<String> unmatched = new ArrayList<>();
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                String name = selector.group(1);
                Matcher exact = EXACT.matcher(selector.group(2));
                while (exact.find()) {
                    String label = exact.group(1) + "=\"" + exact.group(2) + "\"";
                    boolean found =
                            metrics.lines().anyMatch(line -> line.startsWith(name + "{") && line.contains(label));
                    if (!found) {
                        unmatched.add(name + "{" + label + "}");
                    }
                }
            }
        }
        assertEquals(List.of(), unmatched, "label matchers of the dashboard no sample of /q/metrics has");
    }

    @Test
    void shouldBeLoadedByProvisioningFromThePathsTheComposeFileMounts() throws IOException {
        JsonNode datasource = YAML.readTree(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml")
                        .toFile())
                .get("datasources")
                .get(0);
        assertEquals("prometheus", datasource.get("type").asText());
        String uid = datasource.get("uid").asText();
        JsonNode board = dashboard();
        for (JsonNode panel : board.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            assertFalse(panel.get("targets").isEmpty(), panel.get("title").asText());
            assertEquals(
                    uid,
                    panel.at("/datasource/uid").asText(),
                    panel.get("title").asText());
            for (JsonNode target : panel.get("targets")) {
                assertEquals(
                        uid,
                        target.at("/datasource/uid").asText(),
                        panel.get("title").asText());
            }
        }

        String dashboards = YAML.readTree(DOCKER.resolve("grafana/provisioning/dashboards/newsdesk.yaml")
                        .toFile())
                .get("providers")
                .get(0)
                .at("/options/path")
                .asText();
        JsonNode compose =
                YAML.readTree(DOCKER.resolve("compose.yaml").toFile()).get("services");
        List<String> grafanaVolumes = new ArrayList<>();
        compose.at("/grafana/volumes").forEach(volume -> grafanaVolumes.add(volume.asText()));
        assertTrue(grafanaVolumes.contains("./grafana/dashboards:" + dashboards + ":ro"), "" + grafanaVolumes);
        assertTrue(grafanaVolumes.contains("./grafana/provisioning:/etc/grafana/provisioning:ro"), "" + grafanaVolumes);
        assertTrue(
                datasource.get("url").asText().startsWith("http://prometheus:"),
                "the datasource is the compose file's prometheus service");

        JsonNode job = YAML.readTree(DOCKER.resolve("prometheus.yml").toFile())
                .get("scrape_configs")
                .get(0);
        assertEquals("/q/metrics", job.get("metrics_path").asText());
        Set<String> targets = new TreeSet<>();
        job.at("/static_configs/0/targets").forEach(target -> targets.add(target.asText()));
        Set<String> instances = new TreeSet<>();
        compose.fieldNames().forEachRemaining(service -> {
            if (service.startsWith("newsdesk-")) {
                instances.add(service + ":8080");
            }
        });
        assertEquals(2, instances.size(), "compose.yaml runs two instances");
        assertEquals(instances, targets, "Prometheus scrapes every instance of compose.yaml");
    }

    @Test
    void shouldFindMetricNamesWithAndWithoutSelectors() {
        assertEquals(
                Set.of("a_total", "b_count", "c"),
                metricNames("sum by (endpoint, format) (rate(a_total{x=\"by\"}[$__rate_interval]))"
                        + " / on (endpoint) group_left sum without (le) (rate(b_count[5m])) > bool c"));
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(DOCKER.resolve("grafana/dashboards/newsdesk.json").toFile());
    }

    /** Every PromQL expression of the dashboard: the panels' targets and the template variables' metrics. */
    private static List<String> expressions() throws IOException {
        JsonNode board = dashboard();
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : board.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asText());
            }
        }
        for (JsonNode variable : board.at("/templating/list")) {
            Matcher labelValues = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,")
                    .matcher(variable.get("definition").asText());
            assertTrue(labelValues.find(), variable.toString());
            expressions.add(labelValues.group(1));
        }
        return expressions;
    }

    /**
     * The metric names of a PromQL expression: identifiers outside label matchers, ranges and grouping clauses
     * that are neither functions (nor aggregations, which a removed grouping clause leaves before their
     * parenthesis) nor keywords.
     */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier =
                Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
        while (identifier.find()) {
            String token = identifier.group().replaceAll("[\\s(]", "");
            boolean function = identifier.group(1) != null;
            if (!function && !KEYWORDS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }
}

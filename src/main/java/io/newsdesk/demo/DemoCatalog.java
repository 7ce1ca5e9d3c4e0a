package io.newsdesk.demo;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic demo data: 12 categories, 30 real news outlets and a generated set of articles that read like
 * an aggregator's summaries of those outlets' stories. The article list depends only on {@code count} and on the
 * UTC day of {@code now}.
 */
final class DemoCatalog {

    static final long SEED = 20261125L;
    static final int DAYS_BACK = 90;

    private static final List<DemoCategory> CATEGORIES = List.of(
            new DemoCategory("politics-and-government", "Politics and Government"),
            new DemoCategory("world", "World"),
            new DemoCategory("business-and-economy", "Business and Economy"),
            new DemoCategory("science-and-technology", "Science & Technology"),
            new DemoCategory("health", "Health"),
            new DemoCategory("climate-and-environment", "Climate and Environment"),
            new DemoCategory("sports", "Sports"),
            new DemoCategory("culture-and-arts", "Culture and Arts"),
            new DemoCategory("education", "Education"),
            new DemoCategory("law-and-justice", "Law and Justice"),
            new DemoCategory("opinion-and-analysis", "Opinion and Analysis"),
            new DemoCategory("local-news", "Local News"));

    /** Relative share of articles per category, same order as {@link #CATEGORIES}. */
    private static final int[] CATEGORY_WEIGHTS = {14, 12, 11, 9, 8, 7, 9, 6, 5, 7, 6, 6};

    private static final List<DemoSource> SOURCES = List.of(
            new DemoSource("pbs", "PBS", "https://www.pbs.org"),
            new DemoSource("npr", "NPR", "https://www.npr.org"),
            new DemoSource("reuters", "Reuters", "https://www.reuters.com"),
            new DemoSource("associated-press", "Associated Press", "https://apnews.com"),
            new DemoSource("bbc-news", "BBC News", "https://www.bbc.com/news"),
            new DemoSource("the-guardian", "The Guardian", "https://www.theguardian.com"),
            new DemoSource("al-jazeera", "Al Jazeera", "https://www.aljazeera.com"),
            new DemoSource("deutsche-welle", "Deutsche Welle", "https://www.dw.com"),
            new DemoSource("le-monde", "Le Monde", "https://www.lemonde.fr"),
            new DemoSource("el-pais", "El País", "https://elpais.com"),
            new DemoSource("nhk-world", "NHK World", "https://www3.nhk.or.jp/nhkworld"),
            new DemoSource("the-new-york-times", "The New York Times", "https://www.nytimes.com"),
            new DemoSource("the-washington-post", "The Washington Post", "https://www.washingtonpost.com"),
            new DemoSource("the-wall-street-journal", "The Wall Street Journal", "https://www.wsj.com"),
            new DemoSource("financial-times", "Financial Times", "https://www.ft.com"),
            new DemoSource("bloomberg", "Bloomberg", "https://www.bloomberg.com"),
            new DemoSource("cnn", "CNN", "https://www.cnn.com"),
            new DemoSource("cbc-news", "CBC News", "https://www.cbc.ca/news"),
            new DemoSource("abc-news-australia", "ABC News (Australia)", "https://www.abc.net.au/news"),
            new DemoSource("france-24", "France 24", "https://www.france24.com"),
            new DemoSource("der-spiegel", "Der Spiegel", "https://www.spiegel.de"),
            new DemoSource("neue-zurcher-zeitung", "Neue Zürcher Zeitung", "https://www.nzz.ch"),
            new DemoSource("folha-de-s-paulo", "Folha de S.Paulo", "https://www.folha.uol.com.br"),
            new DemoSource("ekathimerini", "Kathimerini", "https://www.ekathimerini.com"),
            new DemoSource("haaretz", "Haaretz", "https://www.haaretz.com"),
            new DemoSource("yonhap", "Yonhap News Agency", "https://en.yna.co.kr"),
            new DemoSource("south-china-morning-post", "South China Morning Post", "https://www.scmp.com"),
            new DemoSource("the-japan-times", "The Japan Times", "https://www.japantimes.co.jp"),
            new DemoSource("politico", "Politico", "https://www.politico.com"),
            new DemoSource("the-economist", "The Economist", "https://www.economist.com"));

    private static final int POLITICS = 0;
    private static final int PBS = 0;
    private static final int OPINION = 10;
    /** Minimum number of politics-and-government articles attributed to PBS. */
    private static final int PBS_POLITICS_MIN = 12;

    /** Per category: indices into {@link #SOURCES} of the outlets most likely to cover it. */
    private static final int[][] AFFINITY = buildAffinity();

    private DemoCatalog() {}

    static List<DemoCategory> categories() {
        return CATEGORIES;
    }

    static List<DemoSource> sources() {
        return SOURCES;
    }

    /**
     * Generates {@code count} articles published during the {@value #DAYS_BACK} days before {@code now}'s UTC
     * midnight, sorted by {@code publishedAt} ascending. Same day and count always give the same list.
     */
    static List<DemoArticle> articles(Instant now, int count) {
        Objects.requireNonNull(now, "now");
        if (count <= 0) {
            return List.of();
        }
        Instant anchor = now.truncatedTo(ChronoUnit.DAYS);
        Random rnd = new Random(SEED);
        List<int[]> slots = planSlots(rnd, count);
        List<Instant> times = timestamps(rnd, anchor, count);
        Generator generator = new Generator(rnd);
        List<DemoArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generator.article(slots.get(i)[0], slots.get(i)[1], times.get(i)));
        }
        out.sort(Comparator.comparing(DemoArticle::publishedAt)); // already ordered; the sort is stable
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Planning: which (category, source) pairs and which timestamps

    /** Category/source pairs: guaranteed coverage first, then weighted random picks, finally shuffled. */
    private static List<int[]> planSlots(Random rnd, int count) {
        List<int[]> slots = new ArrayList<>(count);
        for (int i = 0; i < PBS_POLITICS_MIN; i++) {
            slots.add(new int[] {POLITICS, PBS});
        }
        for (int s = 0; s < SOURCES.size(); s++) {
            slots.add(new int[] {categoryFor(rnd, s), s});
        }
        for (int c = 0; c < CATEGORIES.size(); c++) {
            slots.add(new int[] {c, sourceFor(rnd, c)});
        }
        int total = 0;
        for (int w : CATEGORY_WEIGHTS) {
            total += w;
        }
        while (slots.size() < count) {
            int r = rnd.nextInt(total);
            int c = 0;
            while (r >= CATEGORY_WEIGHTS[c]) {
                r -= CATEGORY_WEIGHTS[c++];
            }
            slots.add(new int[] {c, sourceFor(rnd, c)});
        }
        List<int[]> used = new ArrayList<>(slots.subList(0, count));
        Collections.shuffle(used, rnd);
        return used;
    }

    /** A category the source is known for, if any; otherwise any category. */
    private static int categoryFor(Random rnd, int source) {
        List<Integer> fits = new ArrayList<>();
        for (int c = 0; c < AFFINITY.length; c++) {
            for (int s : AFFINITY[c]) {
                if (s == source) {
                    fits.add(c);
                }
            }
        }
        return fits.isEmpty() ? rnd.nextInt(CATEGORIES.size()) : fits.get(rnd.nextInt(fits.size()));
    }

    private static int sourceFor(Random rnd, int category) {
        int[] preferred = AFFINITY[category];
        return rnd.nextInt(10) < 7 ? preferred[rnd.nextInt(preferred.length)] : rnd.nextInt(SOURCES.size());
    }

    /**
     * Sorted timestamps in [anchor - 90 days, anchor), slightly denser towards the present, plus deliberate edge
     * cases: three articles at exactly 00:00:00Z, three at 23:59:59Z and three pairs sharing an identical instant.
     */
    private static List<Instant> timestamps(Random rnd, Instant anchor, int count) {
        Instant start = anchor.minus(DAYS_BACK, ChronoUnit.DAYS);
        long span = Duration.between(start, anchor).getSeconds();
        List<Instant> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double pos = 1.0 - StrictMath.pow(rnd.nextDouble(), 1.25);
            long offset = Math.min(span - 1, (long) (pos * span));
            times.add(start.plusSeconds(offset));
        }
        List<Integer> idx = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, rnd);
        int k = 0;
        if (count >= 12) {
            times.set(idx.get(k++), start); // oldest possible
            times.set(idx.get(k++), start.plus(1 + rnd.nextInt(DAYS_BACK - 1), ChronoUnit.DAYS));
            times.set(idx.get(k++), start.plus(1 + rnd.nextInt(DAYS_BACK - 1), ChronoUnit.DAYS));
            times.set(idx.get(k++), anchor.minusSeconds(1)); // newest possible
            times.set(
                    idx.get(k++),
                    anchor.minus(1 + rnd.nextInt(DAYS_BACK - 1), ChronoUnit.DAYS)
                            .minusSeconds(1));
            times.set(
                    idx.get(k++),
                    anchor.minus(1 + rnd.nextInt(DAYS_BACK - 1), ChronoUnit.DAYS)
                            .minusSeconds(1));
            for (int pair = 0; pair < 3; pair++) {
                Instant shared = times.get(idx.get(k++));
                times.set(idx.get(k++), shared);
            }
        }
        Collections.sort(times);
        return times;
    }

    private static int[][] buildAffinity() {
        if (DemoTexts.BY_CATEGORY.size() != CATEGORIES.size()) {
            throw new IllegalStateException("phrase tables do not match categories");
        }
        int[][] result = new int[CATEGORIES.size()][];
        for (int c = 0; c < CATEGORIES.size(); c++) {
            DemoTexts.Texts texts = DemoTexts.BY_CATEGORY.get(c);
            if (!texts.slug().equals(CATEGORIES.get(c).slug())) {
                throw new IllegalStateException("phrase table order mismatch at " + texts.slug());
            }
            result[c] = new int[texts.affinity().length];
            for (int i = 0; i < result[c].length; i++) {
                result[c][i] = sourceIndex(texts.affinity()[i]);
            }
        }
        return result;
    }

    private static int sourceIndex(String slug) {
        for (int i = 0; i < SOURCES.size(); i++) {
            if (SOURCES.get(i).slug().equals(slug)) {
                return i;
            }
        }
        throw new IllegalStateException("unknown source slug " + slug);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Text generation

    /** Stateful text builder; all randomness comes from the shared seeded {@link Random}. */
    private static final class Generator {
        private final Random rnd;
        private final Set<String> titles = new HashSet<>(); // membership only, never iterated

        // per-article state used by fill()
        private DemoTexts.Texts tx;
        private String src;
        private String subj;
        private String past;
        private String obj;
        private String tail;
        private String weekday;
        private String quote;
        private String person;
        private String role;

        Generator(Random rnd) {
            this.rnd = rnd;
        }

        DemoArticle article(int category, int source, Instant publishedAt) {
            DemoSource outlet = SOURCES.get(source);
            tx = DemoTexts.BY_CATEGORY.get(category);
            src = outlet.name();
            weekday = dayName(publishedAt.atZone(ZoneOffset.UTC).getDayOfWeek());
            quote = pick(tx.quotes());
            person = pick(DemoTexts.PEOPLE);
            role = pick(tx.roles());
            String title = uniqueTitle(category);

            Body body = content();
            String content = body.text();
            // The first sentence restates the lead (same outlet, subject, action, object and tail). A second
            // sentence is copied from the content: filling a template afresh would draw new figures and places.
            String summary = fill(pick(DemoTexts.SUMMARY_FORMS));
            if (rnd.nextInt(10) < 6) {
                List<String> told = rnd.nextBoolean() ? body.facts() : body.background();
                summary += " " + told.get(rnd.nextInt(told.size()));
            }
            if (rnd.nextInt(10) == 0) {
                summary = pick(tx.emoji()) + " " + summary;
            }

            LocalDate day = publishedAt.atZone(ZoneOffset.UTC).toLocalDate();
            String url = String.format(
                    Locale.ROOT,
                    "%s/%04d/%02d/%02d/%s",
                    outlet.url(),
                    day.getYear(),
                    day.getMonthValue(),
                    day.getDayOfMonth(),
                    slugify(title));

            boolean isSummary = rnd.nextInt(100) < 70;
            boolean bias = rnd.nextInt(100) < (category == OPINION ? 60 : 22);
            // long-tailed: median ≈ 400, a few thousand for the top decile, capped at 50 000
            long views = rnd.nextInt(100) < 3
                    ? 0
                    : Math.min(50_000L, Math.round(StrictMath.exp(6.0 + 1.7 * rnd.nextGaussian())));
            return new DemoArticle(
                    title,
                    summary,
                    content,
                    CATEGORIES.get(category).slug(),
                    outlet.slug(),
                    publishedAt,
                    url,
                    isSummary,
                    bias,
                    views);
        }

        /** Draws headline parts until the combination has not been used before. */
        private String uniqueTitle(int category) {
            for (int attempt = 0; ; attempt++) {
                String[] s = split(pick(tx.subjects()));
                String[] a = split(pick(tx.actions()));
                String[] o = split(pick(tx.objects()));
                String[] t = rnd.nextInt(4) == 0 ? new String[] {"", ""} : split(pick(tx.tails()));
                subj = s[1];
                past = a[1];
                obj = o[1];
                tail = t[1];
                String core = s[0] + " " + a[0] + " " + o[0];
                String title = t[0].isEmpty() ? core : core + " " + t[0];
                int style = rnd.nextInt(100);
                if (category == OPINION && style < 30) {
                    title = "Opinion: " + title;
                } else if (style < 8) {
                    title = pick(DemoTexts.TITLE_PREFIXES) + core;
                } else if (style < 15) {
                    title = core + pick(DemoTexts.TITLE_SUFFIXES);
                } else if (style < 23) {
                    title = title + " " + pick(tx.emoji());
                }
                if (attempt > 500) {
                    title = title + " — " + src; // practically unreachable for the sizes used
                }
                if (titles.add(title)) {
                    return title;
                }
            }
        }

        /**
         * The article text, and the category's fact and background sentences in it exactly as filled in; neither
         * list is ever empty (the first paragraph carries at least one fact, the third starts with background).
         */
        private Body content() {
            List<String> paragraphs = new ArrayList<>();
            List<String> facts = shuffled(tx.facts());
            List<String> factsTold = new ArrayList<>();
            int f = 0;

            StringBuilder p1 = new StringBuilder(fill(pick(DemoTexts.LEADS)));
            int nFacts = 1 + rnd.nextInt(Math.min(3, facts.size() - 1));
            for (int i = 0; i < nFacts; i++) {
                p1.append(' ').append(remember(factsTold, fill(facts.get(f++))));
            }
            paragraphs.add(p1.toString());

            StringBuilder p2 = new StringBuilder(fill(pick(DemoTexts.QUOTE_FORMS)));
            p2.append(' ')
                    .append(
                            f < facts.size() && rnd.nextBoolean()
                                    ? remember(factsTold, fill(facts.get(f++)))
                                    : fill(pick(DemoTexts.QUOTE_FOLLOW_UPS)));
            if (rnd.nextBoolean() && f < facts.size()) {
                p2.append(' ').append(remember(factsTold, fill(facts.get(f++))));
            }
            paragraphs.add(p2.toString());

            List<String> bg = shuffled(tx.background());
            List<String> backgroundTold = new ArrayList<>();
            int nBg = 2 + rnd.nextInt(2);
            StringBuilder p3 = new StringBuilder(remember(backgroundTold, fill(bg.get(0))));
            for (int i = 1; i < nBg; i++) {
                p3.append(' ')
                        .append(
                                i < bg.size() && i < 2
                                        ? remember(backgroundTold, fill(bg.get(i)))
                                        : fill(pick(DemoTexts.GENERIC_BACKGROUND)));
            }
            paragraphs.add(p3.toString());

            if (rnd.nextInt(10) < 6) {
                List<String> reactions = shuffled(DemoTexts.REACTIONS);
                int n = 2 + rnd.nextInt(2);
                paragraphs.add(String.join(
                        " ", reactions.subList(0, n).stream().map(this::fill).toList()));
            }
            if (rnd.nextInt(10) < 7) {
                List<String> next = shuffled(tx.next());
                int n = 1 + rnd.nextInt(Math.min(2, next.size()));
                List<String> sentences = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    sentences.add(fill(next.get(i)));
                }
                sentences.add(fill(pick(DemoTexts.CLOSINGS)));
                paragraphs.add(String.join(" ", sentences));
            }
            return new Body(String.join("\n\n", paragraphs), List.copyOf(factsTold), List.copyOf(backgroundTold));
        }

        private static String remember(List<String> told, String sentence) {
            told.add(sentence);
            return sentence;
        }

        /** Replaces {placeholders}; values drawn at random are drawn afresh for every occurrence. */
        private String fill(String template) {
            StringBuilder out = new StringBuilder(template.length() + 64);
            int i = 0;
            while (i < template.length()) {
                char ch = template.charAt(i);
                int close = ch == '{' ? template.indexOf('}', i) : -1;
                if (close < 0) {
                    out.append(ch);
                    i++;
                    continue;
                }
                String key = template.substring(i + 1, close);
                out.append(
                        switch (key) {
                            case "src", "Src" -> src;
                            case "subj" -> subj;
                            case "Subj" -> capitalize(subj);
                            case "past" -> past;
                            case "obj" -> obj;
                            case "tail" -> tail.isEmpty() ? "" : " " + tail;
                            case "weekday" -> weekday;
                            case "quote" -> quote;
                            case "person" -> personFor(template);
                            case "role" -> role;
                            case "grole" -> pick(DemoTexts.GENERIC_ROLES);
                            case "place" -> pick(DemoTexts.PLACES);
                            case "emoji" -> pick(tx.emoji());
                            case "n" -> Integer.toString(2 + rnd.nextInt(39));
                            case "big" -> String.format(Locale.US, "%,d", (12 + rnd.nextInt(940)) * 100);
                            case "chg" -> rnd.nextInt(9) + "." + (1 + rnd.nextInt(9));
                            case "poss" -> Integer.toString(52 + rnd.nextInt(23));
                            case "pct" -> {
                                int tenths = 15 + rnd.nextInt(470);
                                yield tenths / 10 + "." + tenths % 10;
                            }
                            default ->
                                throw new IllegalStateException("unknown placeholder {" + key + "} in: " + template);
                        });
                i = close + 1;
            }
            return out.toString();
        }

        /** The quoted person for quote forms; someone else for any other sentence mentioning a person. */
        private String personFor(String template) {
            for (String form : DemoTexts.QUOTE_FORMS) {
                if (form.equals(template)) {
                    return person;
                }
            }
            String other;
            do {
                other = pick(DemoTexts.PEOPLE);
            } while (other.equals(person));
            return other;
        }

        private String pick(String[] pool) {
            return pool[rnd.nextInt(pool.length)];
        }

        private List<String> shuffled(String[] pool) {
            List<String> list = new ArrayList<>(List.of(pool));
            Collections.shuffle(list, rnd);
            return list;
        }
    }

    /** An article's content with the filled fact and background sentences it contains, for its summary. */
    private record Body(String text, List<String> facts, List<String> background) {}

    // ---------------------------------------------------------------------------------------------------------
    // Small helpers

    /** Splits {@code "headline|sentence"}; without a separator both forms are the same. */
    private static String[] split(String pair) {
        int bar = pair.indexOf('|');
        return bar < 0 ? new String[] {pair, pair} : new String[] {pair.substring(0, bar), pair.substring(bar + 1)};
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String dayName(DayOfWeek day) {
        return capitalize(day.name().toLowerCase(Locale.ROOT));
    }

    /** ASCII URL slug: accents stripped, "&" spelled out, runs of anything outside [a-z0-9] collapsed to "-". */
    static String slugify(String text) {
        String s = text.replace("&", " and ")
                .replace("’", "")
                .replace("'", "")
                .replace("ß", "ss")
                .replace("ø", "o")
                .replace("Ø", "O")
                .replace("æ", "ae")
                .replace("Æ", "AE");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 80) {
            int cut = s.lastIndexOf('-', 80);
            s = s.substring(0, cut > 20 ? cut : 80);
        }
        return s.isEmpty() ? "story" : s;
    }
}

-- Newsroom benchmark dataset, part 2: articles :lo to :hi (inclusive) of :n, in one statement.
-- Deterministic: every choice is a slice of md5('newsroom-v1:' || i), so the same N gives the same rows.
--   category   h1 % 12 (uniform), source h2 % 30 (uniform, independent of the category)
--   published  uniform over the 730 days before 2026-11-01 00:00 UTC: article i sits at (i - 1) / n of the
--              window plus a jitter of +-3 hours (h3), so insertion order follows publication order roughly,
--              as in a newsroom, with local disorder and some equal timestamps at large n
--   text       title, summary, lead and 5-8 consecutive paragraphs picked by h4: 2-4 KB of UTF-8
--   search     the lead holds "council" in about half of the articles; "wolpertinger" in about 1 %
\set ON_ERROR_STOP on
insert into article (slug, title, summary, content, category_id, source_id, published_at, created_at,
                     updated_at, original_url, is_summary, has_editorial_bias, views, version)
select
    left(format('%s-%s-%s', t.place_slugs[1 + r.h4 % 20], t.subject_slugs[1 + r.h4 / 20 % 16],
                format(t.action_slugs[1 + r.h4 / 320 % 16], r.amount)), 80),
    format('%s: %s %s', t.places[1 + r.h4 % 20], t.subjects[1 + r.h4 / 20 % 16],
           format(t.actions[1 + r.h4 / 320 % 16], r.amount)),
    format(t.summaries[1 + r.h4 / 5120 % 8], t.places[1 + r.h4 % 20], t.subjects[1 + r.h4 / 20 % 16]),
    format(t.leads[1 + r.h4 / 40960 % 10], t.places[1 + r.h4 % 20], t.subjects[1 + r.h4 / 20 % 16], r.amount)
        || case when r.h3 / 21600 % 100 = 0 then t.rare_sentence else '' end
        || E'\n\n'
        || array_to_string(t.paragraphs[1 + r.h4 / 409600 % 16 : r.h4 / 409600 % 16 + 5 + r.h4 / 6553600 % 4],
                           E'\n\n'),
    m.category_ids[1 + r.h1 % 12],
    m.source_ids[1 + r.h2 % 30],
    r.published_at,
    r.published_at,
    r.published_at + (r.h2 / 30 % 4) * interval '17 minutes',
    m.source_urls[1 + r.h2 % 30] || '/news/' || r.i,
    r.h1 / 12 % 4 = 0,
    r.h1 / 48 % 7 = 0,
    r.h2 / 120 % 5000,
    0
from (
    select i, h1, h2, h3, h4, 10 + h1 / 336 % 990 as amount,
           timestamptz '2024-11-01 00:00:00+00'
               + least(greatest((i - 1) * 63072000 / :n + h3 % 21600 - 10800, 0), 63071999) * interval '1 second'
               as published_at
    from (
        select i,
               ('x' || substr(h, 1, 8))::bit(32)::bigint as h1,
               ('x' || substr(h, 9, 8))::bit(32)::bigint as h2,
               ('x' || substr(h, 17, 8))::bit(32)::bigint as h3,
               ('x' || substr(h, 25, 8))::bit(32)::bigint as h4
        from (select i, md5('newsroom-v1:' || i) as h from generate_series(:lo::bigint, :hi::bigint) as g(i)) s
    ) hashed
) r
cross join bench_text t
cross join (select (select array_agg(id order by k) from bench_category_map) as category_ids,
                   (select array_agg(id order by k) from bench_source_map) as source_ids,
                   (select array_agg(url order by k) from bench_source_map) as source_urls) m;

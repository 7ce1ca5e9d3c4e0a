-- PostgreSQL only: q= becomes full-text search (article.TextSearch). Words match as words, stemmed in the text
-- search configuration of the newsroom's language ("councils" finds "council"), with websearch_to_tsquery's syntax:
-- "quoted phrases", -word, or. This replaces V5's trigram index, which answered substring LIKEs and which no query
-- uses any more.
--
-- The configuration is chosen here, once, from newsdesk.language (Flyway placeholder, application.properties; a
-- plain quoted literal: Flyway reads a placeholder right after $$ as escaped): a stored
-- tsvector is only as good as the configuration it was made with, so the index keeps one (table text_search) and
-- every query uses that one. A later change of newsdesk.language is logged at start-up and applied by
-- select newsdesk_rebuild_text_search('<language>'), which recomputes every document (README "Search").

-- A BCP 47 tag's primary language to PostgreSQL's built-in configuration of that name; 'simple' (lower-cased
-- words, no stemming, no stop words) for a language PostgreSQL has none for.
create function newsdesk_text_search_config(language text) returns regconfig language sql stable as $$
    select coalesce(
        (select c.oid::regconfig from pg_ts_config c
          where c.cfgnamespace = 'pg_catalog'::regnamespace
            and c.cfgname = case lower(split_part(language, '-', 1))
                when 'ar' then 'arabic' when 'hy' then 'armenian' when 'eu' then 'basque' when 'ca' then 'catalan'
                when 'da' then 'danish' when 'nl' then 'dutch' when 'en' then 'english' when 'fi' then 'finnish'
                when 'fr' then 'french' when 'de' then 'german' when 'el' then 'greek' when 'hi' then 'hindi'
                when 'hu' then 'hungarian' when 'id' then 'indonesian' when 'ga' then 'irish' when 'it' then 'italian'
                when 'lt' then 'lithuanian' when 'ne' then 'nepali' when 'no' then 'norwegian'
                when 'nb' then 'norwegian' when 'nn' then 'norwegian' when 'pt' then 'portuguese'
                when 'ro' then 'romanian' when 'ru' then 'russian' when 'sr' then 'serbian' when 'es' then 'spanish'
                when 'sv' then 'swedish' when 'ta' then 'tamil' when 'tr' then 'turkish' when 'yi' then 'yiddish'
            end),
        'simple'::regconfig)
$$;

create table text_search (
    id        int primary key check (id = 1),
    language  text not null,
    config    regconfig not null
);
insert into text_search (id, language, config)
    values (1, '${language}', newsdesk_text_search_config('${language}'));

-- What a search matches and ranks: the title weighs most (A), then the summary (B), then the text (C).
create function newsdesk_search_document(config regconfig, title text, summary text, content text)
    returns tsvector language sql immutable parallel safe as $$
    select setweight(to_tsvector(config, title), 'A')
        || setweight(to_tsvector(config, summary), 'B')
        || setweight(to_tsvector(config, content), 'C')
$$;

-- One row per article: its document, and copies of the columns every selection filters on, under the same names, so
-- that a page of a search is read from this narrow table alone (article rows carry the whole text).
create table article_search (
    id            bigint primary key references article (id) on delete cascade,
    category_id   bigint not null,
    source_id     bigint not null,
    published_at  timestamp with time zone not null,
    document      tsvector not null
);

create function newsdesk_article_search() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.title is distinct from old.title or new.summary is distinct from old.summary
            or new.content is distinct from old.content then
        insert into article_search (id, category_id, source_id, published_at, document)
        values (new.id, new.category_id, new.source_id, new.published_at,
                newsdesk_search_document((select config from text_search), new.title, new.summary, new.content))
        on conflict (id) do update set category_id = excluded.category_id, source_id = excluded.source_id,
            published_at = excluded.published_at, document = excluded.document;
    elsif new.category_id is distinct from old.category_id or new.source_id is distinct from old.source_id
            or new.published_at is distinct from old.published_at then
        update article_search set category_id = new.category_id, source_id = new.source_id,
            published_at = new.published_at
        where id = new.id;
    end if;
    return null;
end
$$;

-- Only writes of these columns fire it: counting a view (update of views) does not.
create trigger article_search after insert or update of title, summary, content, category_id, source_id, published_at
    on article for each row execute function newsdesk_article_search();

-- The documents of the articles there already (a million articles: minutes), then the indexes, built once.
set local maintenance_work_mem = '256MB';
insert into article_search (id, category_id, source_id, published_at, document)
    select id, category_id, source_id, published_at,
           newsdesk_search_document((select config from text_search), title, summary, content)
    from article;

-- Newest (or oldest) first: a common word walks this index and stops after a page of matches.
create index article_search_keyset on article_search (published_at, id);
-- A rare word: the GIN index finds its few articles. fastupdate off: no pending list that every search would have
-- to read through until the next vacuum; each write updates the index at once instead.
create index article_search_document on article_search using gin (document) with (fastupdate = off);
-- The planner needs the word statistics of document at once to choose between the two.
analyze article_search;

drop index if exists article_text_trgm;

-- After a change of newsdesk.language: every document again, in the configuration of that language.
create function newsdesk_rebuild_text_search(language text) returns regconfig language plpgsql as $$
declare
    chosen regconfig := newsdesk_text_search_config(language);
begin
    update text_search set language = newsdesk_rebuild_text_search.language, config = chosen;
    update article_search s set document = newsdesk_search_document(chosen, a.title, a.summary, a.content)
    from article a where a.id = s.id;
    analyze article_search;
    return chosen;
end
$$;

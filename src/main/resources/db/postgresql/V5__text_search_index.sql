-- PostgreSQL only. q= matches every word anywhere in title, summary or content, case-insensitively (the v1
-- contract; "parliament" finds "Parliamentary", "0% sure" finds "100% sure"). A trigram GIN index on the
-- lower-cased text answers exactly that LIKE, so search needs no scan of the whole table; full-text search
-- (tsvector) would match whole words or stems instead and change what q= finds. pg_trgm ships with
-- PostgreSQL and is a trusted extension (the database owner may create it); where it cannot be created the
-- search still works, without the index.
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege then
    raise notice 'pg_trgm could not be created (%); q= searches will scan', sqlerrm;
end
$$;

-- Building it reads every article once; more sort memory than the default 64 MB makes that several times
-- faster on a large archive (a million articles: minutes). Only for this transaction.
set local maintenance_work_mem = '256MB';

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index article_text_trgm on article using gin'
            || ' (lower(title || '' '' || summary || '' '' || content) gin_trgm_ops)';
    end if;
end
$$;

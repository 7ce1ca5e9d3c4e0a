-- The removal watermark of caching.ContentChanges: moved when an article leaves selections (deleted, or
-- moved to another category, source or time), so that Last-Modified moves although no row was updated.
create table content_changes (
    id          int primary key,
    changed_at  timestamp with time zone not null
);
insert into content_changes (id, changed_at) values (1, timestamp with time zone '2000-01-01 00:00:00+00');

-- Cheap validators: the newest updated_at of all articles is one index probe.
create index article_updated on article (updated_at);

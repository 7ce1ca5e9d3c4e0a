-- PostgreSQL only (H2 is embedded: one process, which sees its own writes). Every statement that changes
-- articles, categories, sources or the removal watermark announces it on channel newsdesk_changes; PostgreSQL
-- delivers the notification to every listening instance when (and only if) the transaction commits, once per
-- transaction however many rows it touched. caching.PostgresChanges listens and moves the instance's
-- DataVersion, so that its render cache never serves what a write on another instance has changed. The payload
-- is the writing transaction's id: the instance that wrote waits for its own notification before it answers,
-- so by the time a client has the answer to a write, every instance has been told of it.
create or replace function newsdesk_notify_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('newsdesk_changes', txid_current()::text);
    return null;
end
$$;

create trigger article_changes after insert or update or delete or truncate on article
    for each statement execute function newsdesk_notify_change();
create trigger category_changes after insert or update or delete or truncate on category
    for each statement execute function newsdesk_notify_change();
create trigger source_changes after insert or update or delete or truncate on source
    for each statement execute function newsdesk_notify_change();
create trigger content_changes_changes after insert or update or delete or truncate on content_changes
    for each statement execute function newsdesk_notify_change();

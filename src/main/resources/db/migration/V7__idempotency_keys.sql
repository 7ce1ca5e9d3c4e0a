-- Idempotency-Key (auth.IdempotencyKeys): one row per key and editor, claimed before the request is carried
-- out and holding its answer afterwards, so that a retry gets the first answer again on any instance.
create table idempotency_key (
    scope         varchar(64) primary key,      -- digest of the credentials and the key: never the key itself
    fingerprint   varchar(64) not null,         -- digest of method, target and body of the first request
    claimed_at    timestamp with time zone not null,
    status        int,                          -- null while the first request is being carried out
    location      varchar(4000),
    etag          varchar(400),
    last_modified varchar(100),
    content_type  varchar(400),
    body          bytea
);
create index idempotency_key_claimed on idempotency_key (claimed_at);

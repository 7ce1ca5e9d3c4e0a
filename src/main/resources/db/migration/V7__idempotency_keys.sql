-- Idempotency-Key (auth.IdempotencyKeys): one row per key and credentials, claimed before the request is
-- carried out, marked in the write's own transaction when it commits, and holding its answer afterwards, so
-- that a retry gets the first answer again on any instance and a committed write is never carried out twice.
create table idempotency_key (
    scope         varchar(64) primary key,      -- digest of the credentials and the key: never the key itself
    fingerprint   varchar(64) not null,         -- digest of method, target and body of the first request
    token         varchar(64) not null,         -- the holder of the claim: only it may complete or release it
    claimed_at    timestamp with time zone not null,   -- the database's clock, never an instance's
    committed_at  timestamp with time zone,     -- set inside the write's transaction: the write happened
    status        int,                          -- null until the answer is stored
    location      varchar(4000),
    etag          varchar(400),
    last_modified varchar(100),
    content_type  varchar(400),
    body          bytea
);
create index idempotency_key_claimed on idempotency_key (claimed_at);

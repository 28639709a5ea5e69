create table tenants (
    id         text primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

-- Keys are stored as SHA-256 hashes: they are long random secrets, so a fast hash is enough and the
-- plain key is shown once, at creation, and never again.
create table ingest_keys (
    id         uuid primary key,
    tenant_id  text        not null references tenants (id),
    key_hash   text        not null unique,
    prefix     text        not null,
    name       text,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);
create index ingest_keys_tenant on ingest_keys (tenant_id);

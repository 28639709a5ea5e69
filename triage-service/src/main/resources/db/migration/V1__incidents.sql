create table incidents (
    id           uuid primary key,
    tenant       text        not null,
    fingerprint  text        not null,
    status       text        not null check (status in ('open', 'resolved')),
    source       text        not null,
    resource     text        not null,
    check_name   text        not null,
    severity     text        not null,
    summary      text        not null,
    labels       jsonb       not null,
    occurrences  bigint      not null,
    opened_at    timestamptz not null,
    last_seen_at timestamptz not null,
    resolved_at  timestamptz
);
-- one open incident per fingerprint: a repeat while open counts, it does not open another
create unique index incidents_one_open on incidents (tenant, fingerprint) where status = 'open';
create index incidents_tenant_opened on incidents (tenant, opened_at desc);

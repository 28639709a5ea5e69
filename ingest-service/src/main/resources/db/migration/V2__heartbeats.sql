-- Dead-man switches: a probe pings its heartbeat; no ping by due_at means it is missed.
create table heartbeats (
    id               uuid primary key,
    tenant_id        text        not null references tenants (id),
    name             text        not null,
    interval_seconds bigint      not null check (interval_seconds > 0),
    grace_seconds    bigint      not null check (grace_seconds >= 0),
    created_at       timestamptz not null,
    -- null until the first ping (the heartbeat is "new" and never missed)
    last_ping_at     timestamptz,
    -- last_ping_at + interval + grace
    due_at           timestamptz,
    -- the due time that passed without a ping, while the heartbeat is missed: the firing and the resolving
    -- alert derive their event ids from it, so it must not move until a ping resolves the miss
    missed_due_at    timestamptz,
    unique (tenant_id, name)
);

-- what the evaluator scans: heartbeats that are not missed, by due time
create index heartbeats_due on heartbeats (due_at) where missed_due_at is null and due_at is not null;
-- lists, newest first: of every tenant, and of some
create index heartbeats_newest on heartbeats (created_at desc, id desc);
create index heartbeats_tenant_newest on heartbeats (tenant_id, created_at desc, id desc);

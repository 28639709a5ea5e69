-- Customer-owned webhook endpoints. The secret signs every webhook (Standard Webhooks), so it is kept
-- recoverable rather than hashed; it is shown to the customer only in the answer that created it.
create table endpoint (
    id          uuid primary key,
    tenant      text        not null,
    url         text        not null,
    description text,
    secret      text        not null,
    enabled     boolean     not null default true,
    created_at  timestamptz not null default now(),
    constraint endpoint_tenant_url unique (tenant, url)
);
create index endpoint_enabled_by_tenant on endpoint (tenant) where enabled;

-- One row per (incident event, endpoint). The payload is built once, so every retry sends the same bytes
-- under the same webhook-id (the row id). next_attempt_at doubles as the lease of a claimed row.
create table delivery (
    id               uuid primary key,
    tenant           text        not null,
    event_id         uuid        not null,
    event_type       text        not null,
    incident_id      uuid        not null,
    endpoint_id      uuid        not null references endpoint (id),
    payload          text        not null,
    status           text        not null default 'pending'
                     constraint delivery_status check (status in ('pending', 'delivered', 'failed')),
    attempts         integer     not null default 0,
    last_status_code integer,
    last_error       text,
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    constraint delivery_event_endpoint unique (event_id, endpoint_id)
);
create index delivery_due on delivery (next_attempt_at) where status = 'pending';
create index delivery_by_tenant on delivery (tenant, created_at desc);
create index delivery_by_incident on delivery (tenant, incident_id, created_at desc);

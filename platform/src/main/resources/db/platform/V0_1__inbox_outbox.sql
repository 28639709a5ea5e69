-- Shared by every service that consumes and emits events. Platform migrations use versions 0.x;
-- services own 1 and up (see docs/adr/0003-platform-module.md).

-- Events already applied: a redelivered event id is a no-op.
create table inbox (
    event_id   uuid primary key,
    applied_at timestamptz not null default now()
);
create index inbox_applied_at on inbox (applied_at);

-- Events to publish, written in the same transaction as the state change they describe.
create table outbox (
    id         bigserial primary key,
    event_id   uuid        not null unique,
    topic      text        not null,
    record_key text        not null,
    event_type text        not null,
    tenant     text        not null,
    payload    text        not null,
    created_at timestamptz not null default now(),
    sent_at    timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;

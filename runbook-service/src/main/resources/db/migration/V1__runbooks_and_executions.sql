-- The runbook catalog and the executions opened from it. The platform's inbox and outbox tables come from
-- db/platform (versions 0.x).

create table runbook (
    id          uuid primary key,
    tenant      text        not null,
    name        text        not null,
    description text,
    -- label name -> required value; every entry must equal the incident's
    match       jsonb       not null check (jsonb_typeof(match) = 'object' and match <> '{}'::jsonb),
    created_at  timestamptz not null,
    -- also the index the consumer uses to load a batch's tenants' runbooks
    constraint runbook_name_per_tenant unique (tenant, name)
);

create table runbook_step (
    runbook_id   uuid    not null references runbook (id),
    position     int     not null check (position > 0),
    title        text    not null,
    instructions text,
    critical     boolean not null,
    primary key (runbook_id, position)
);

create table execution (
    id             uuid primary key,
    tenant         text        not null,
    incident_id    uuid        not null,
    runbook_id     uuid        not null references runbook (id),
    -- copied: the execution keeps the name it was opened under
    runbook_name   text        not null,
    -- the incident event that opened it; the id is derived from it
    cause_event_id uuid        not null,
    status         text        not null check (status in ('open')),
    step_count     int         not null check (step_count > 0),
    opened_at      timestamptz not null default now(),
    -- one execution per runbook and incident, however often the incident is announced
    constraint execution_once_per_incident unique (incident_id, runbook_id)
);
create index execution_newest on execution (tenant, opened_at desc, id desc);
create index execution_by_incident on execution (tenant, incident_id);

create table execution_step (
    execution_id uuid    not null references execution (id),
    position     int     not null check (position > 0),
    title        text    not null,
    instructions text,
    critical     boolean not null,
    status       text    not null check (status in ('pending')),
    primary key (execution_id, position)
);

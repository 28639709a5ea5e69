-- The human gate: an incident waits for a person's (or the tenant's policy's) decision before the customer hears
-- of it. See docs/adr/0010-the-decision-gate.md.

alter table incidents drop constraint incidents_status_check;
alter table incidents add constraint incidents_status check
    (status in ('open', 'acknowledged', 'confirmed', 'dismissed', 'recovering', 'resolved'));
-- one live incident per fingerprint: a repeat counts in it, whatever was decided, until it is resolved
drop index incidents_one_open;
create unique index incidents_one_live on incidents (tenant, fingerprint) where status <> 'resolved';

-- what people and the policy decided (contracts IncidentDecision as JSON: every event carries it whole)
alter table incidents add column decision jsonb not null default '{}'::jsonb;
-- when its alerts last all resolved (null while they fire), and when a message first reached the customer
alter table incidents add column recovered_at timestamptz;
alter table incidents add column first_contact_at timestamptz;

-- Who did what, when: append-only. seq orders the lines written in one transaction.
create table incident_timeline (
    seq         bigserial primary key,
    id          uuid        not null unique,
    tenant      text        not null,
    incident_id uuid        not null,
    at          timestamptz not null,
    actor       text        not null,
    kind        text        not null,
    from_status text,
    to_status   text,
    note        text
);
create index incident_timeline_page on incident_timeline (tenant, incident_id, at desc, seq desc);
create function incident_timeline_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the incident timeline is append-only: add a correcting entry instead' using errcode = '55000';
end
$$;
create trigger incident_timeline_append_only before update or delete on incident_timeline
    for each row execute function incident_timeline_is_append_only();

-- A tenant's policy, every version kept: the audit of who changed what, when, before and after.
create table tenant_policy (
    tenant     text        not null,
    version    int         not null check (version > 0),
    policy     jsonb       not null,
    changed_by text        not null,
    changed_at timestamptz not null default now(),
    primary key (tenant, version)
);

-- Moments the wall clock acts on: rows, not timers, so they survive restarts and fire once across replicas.
create table incident_deadline (
    incident_id uuid        not null,
    kind        text        not null check (kind in ('decision', 'resolve')),
    tenant      text        not null,
    due_at      timestamptz not null,
    primary key (incident_id, kind)
);
create index incident_deadline_due on incident_deadline (due_at);

-- The runbook executions opened for an incident (from vigil.runbook); a confirmed incident whose alerts resolved
-- stays recovering while one has not ended.
create table incident_execution (
    execution_id uuid primary key,
    tenant       text        not null,
    incident_id  uuid        not null,
    runbook_name text,
    ended_at     timestamptz,
    outcome      text
);
create index incident_execution_running on incident_execution (incident_id) where ended_at is null;

-- Dismissals whose operator asked for a rule that would have kept the incident away; the noise report lists them.
create table rule_suggestion (
    incident_id  uuid primary key,
    tenant       text        not null,
    fingerprint  text        not null,
    reason       text        not null,
    note         text,
    suggested_by text        not null,
    suggested_at timestamptz not null
);
create index rule_suggestion_by_tenant on rule_suggestion (tenant, suggested_at desc);

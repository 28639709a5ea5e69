-- Noise rules: what triage knows of every alert (fingerprint), the group its incident stands for, and every
-- suppression with its reason. See docs/adr/0011-cutting-the-noise.md.

-- One row per fingerprint: its last state, the incident it is in (or, inhibited, the incident that inhibits it),
-- and why it is not in one when it is not.
create table alert_states (
    tenant              text        not null,
    fingerprint         text        not null,
    source              text        not null,
    resource            text        not null,
    check_name          text        not null,
    severity            text        not null,
    summary             text        not null,
    labels              jsonb       not null,
    firing              boolean     not null,
    -- null while the alert is in its incident; otherwise silence, maintenance, inhibited, threshold or flapping
    reason              text,
    -- the silence, window or inhibiting fingerprint the reason refers to
    reason_ref          text,
    incident_id         uuid,
    group_key           text        not null,
    -- the current firing episode (firings with no resolution between): when it began, how many firings so far
    episode_started_at  timestamptz,
    -- when ingest received the episode's first firing: the wall clock a source that sends once is judged by
    episode_received_at timestamptz,
    episode_occurrences bigint      not null,
    -- every firing alert ever received, counted once each
    occurrences         bigint      not null,
    last_observed_at    timestamptz not null,
    last_received_at    timestamptz not null,
    -- the last results, oldest first: [[epoch millis, 1 firing | 0 resolved], ...] (flap detection)
    history             jsonb       not null,
    flapping            boolean     not null,
    -- it matches an inhibition rule's source matchers: while it fires it may suppress others
    inhibits            boolean     not null,
    -- when a firing alert neither re-sent nor resolved by then resolves itself (its timeout), if it has one
    stale_at            timestamptz,
    -- when the wall clock must judge it again without a new result: a threshold's duration passing for a source
    -- that sends once, a maintenance window ending, a timeout for a source that never resolves
    recheck_at          timestamptz,
    primary key (tenant, fingerprint)
);
create index alert_states_recheck on alert_states (recheck_at) where recheck_at is not null;
-- the tenant's event time: the latest observed time of its alerts
create index alert_states_observed on alert_states (tenant, last_observed_at);
create index alert_states_inhibitors on alert_states (tenant) where inhibits and firing;
create index alert_states_by_incident on alert_states (incident_id);
create index alert_states_by_reason on alert_states (tenant, reason) where reason is not null;

-- Every suppressed stretch of an alert: one row per fingerprint, reason and episode, counting the alerts it held.
create table suppressions (
    id           bigint      generated always as identity unique,
    tenant       text        not null,
    fingerprint  text        not null,
    reason       text        not null check (reason in ('silence', 'maintenance', 'inhibited', 'threshold',
                                                        'flapping')),
    reason_ref   text        not null,
    episode_at   timestamptz not null,
    first_at     timestamptz not null,
    last_at      timestamptz not null,
    alerts       bigint      not null,
    incident_id  uuid,
    primary key (tenant, fingerprint, reason, reason_ref, episode_at)
);
create index suppressions_by_time on suppressions (tenant, last_at desc, id desc);

-- The group an incident stands for (tenant's group-by labels' values), and whether its alerts flap.
alter table incidents add column group_key text;
update incidents set group_key = 'resource=' || resource where group_key is null;
alter table incidents alter column group_key set not null;
alter table incidents add column flapping boolean not null default false;
create index incidents_live_group on incidents (tenant, group_key) where status <> 'resolved';
create index incidents_quiet on incidents (tenant, recovered_at) where status <> 'resolved' and recovered_at is not null;

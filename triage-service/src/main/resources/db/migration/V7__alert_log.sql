-- Every alert triage applied, as it read it, kept for the history's retention (vigil.triage.history.keep): the
-- noise report replays it through the same decisions with candidate rules. Written once per alert (the inbox
-- drops redeliveries); seq is the order triage applied them in, which a replay keeps.
create table alert_log (
    seq         bigint      generated always as identity,
    tenant      text        not null,
    received_at timestamptz not null,
    fingerprint text        not null,
    firing      boolean     not null,
    -- the alert as contracts.Alert JSON: what a replay feeds back
    alert       text        not null
);
create index alert_log_by_time on alert_log (tenant, received_at);

-- When each incident was opened, acknowledged, confirmed, first reached the customer and resolved, as the incident
-- events and notify's delivery outcomes tell it: the recovery metrics are read from here. A delivery outcome may
-- arrive before the incident's first event (they travel on different topics), so every time may be missing.

create table incident_times (
    tenant           text not null,
    incident_id      uuid not null,
    opened_at        timestamptz,
    acknowledged_at  timestamptz,
    confirmed_at     timestamptz,
    first_contact_at timestamptz,
    resolved_at      timestamptz,
    primary key (tenant, incident_id)
);
create index incident_times_opened on incident_times (tenant, opened_at);

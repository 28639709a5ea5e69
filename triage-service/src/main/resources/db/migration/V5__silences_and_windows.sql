-- Silences and maintenance windows: alerts they cover are recorded as suppressed and open nothing. Both are
-- aggregates edited through the API (Hibernate Reactive); the triage engine reads them with plain SQL.

-- A person's "keep these alerts quiet" for a while, or until the alerts resolve. Never deleted: expiring one sets
-- its end (ended_by says who), so why an alert was silenced stays answerable.
create table silence (
    id             uuid        primary key,
    tenant         text        not null,
    -- [{"label": ..., "op": "=" | "!=" | "=~" | "!~", "value": ...}], every one must hold
    matchers       jsonb       not null check (jsonb_typeof(matchers) = 'array' and jsonb_array_length(matchers) > 0),
    starts_at      timestamptz not null,
    -- excluded; null while an until-resolved silence is open
    ends_at        timestamptz,
    until_resolved boolean     not null,
    comment        text        not null,
    created_by     text        not null,
    created_at     timestamptz not null,
    ended_by       text,
    check (until_resolved or ends_at is not null)
);
-- lists page newest first on (created_at, id); staff lists span tenants
create index silence_tenant_page on silence (tenant, created_at desc, id desc);
create index silence_page on silence (created_at desc, id desc);
-- the engine reads a batch's tenants' silences that have not ended
create index silence_live on silence (tenant, ends_at);

-- Planned work: once (starts_at, ends_at), or every week on some days between two wall-clock times of time_zone,
-- within recurrence_from and recurrence_until when given. An end time not after the start time is on the next day.
create table maintenance_window (
    id               uuid        primary key,
    tenant           text        not null,
    name             text        not null,
    -- as silence.matchers; empty means every alert of the tenant
    matchers         jsonb       not null check (jsonb_typeof(matchers) = 'array'),
    -- an IANA zone id, e.g. Europe/Berlin
    time_zone        text        not null,
    comment          text,
    starts_at        timestamptz,
    ends_at          timestamptz,
    -- ISO day names, Monday first, comma-separated: 'SATURDAY,SUNDAY'
    recurrence_days  text check (recurrence_days
        ~ '^(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(,(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))*$'),
    recurrence_start time,
    recurrence_end   time,
    recurrence_from  timestamptz,
    recurrence_until timestamptz,
    -- the ETag: 0 when created, one more with every replacement
    version          int         not null,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_by       text,
    updated_at       timestamptz,
    check ((starts_at is not null and ends_at > starts_at and recurrence_days is null and recurrence_start is null
            and recurrence_end is null and recurrence_from is null and recurrence_until is null)
        or (starts_at is null and ends_at is null and recurrence_days is not null and recurrence_start is not null
            and recurrence_end is not null
            and (recurrence_from is null or recurrence_until is null or recurrence_until > recurrence_from)))
);
create index maintenance_window_tenant_page on maintenance_window (tenant, created_at desc, id desc);
create index maintenance_window_page on maintenance_window (created_at desc, id desc);

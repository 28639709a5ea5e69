-- The MSP's shifts: who is on duty when, in the MSP's time zone. A shift whose end is earlier than its start runs
-- past midnight (night 20:30-08:30). Shifts belong to the MSP, not to a customer tenant.

create table shift (
    id         uuid primary key,
    name       text        not null unique,
    time_zone  text        not null,
    starts     time        not null,
    ends       time        not null check (starts <> ends),
    members    jsonb       not null check (jsonb_typeof(members) = 'array'),
    created_at timestamptz not null,
    updated_by text        not null,
    updated_at timestamptz not null
);
create index shift_newest on shift (created_at desc, id desc);

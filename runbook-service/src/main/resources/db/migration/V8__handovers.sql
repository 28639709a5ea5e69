-- Shift handovers: what the ending shift leaves open, item by item, each acknowledged by someone of the incoming
-- shift. The items are a snapshot taken when the handover is written; only acknowledgement and escalation change
-- them afterwards.

create table handover (
    id              uuid primary key,
    shift           text        not null,
    next_shift      text,
    next_members    jsonb       not null check (jsonb_typeof(next_members) = 'array'),
    written_by      text        not null,
    written_at      timestamptz not null,
    acknowledge_by  timestamptz not null check (acknowledge_by > written_at)
);
create index handover_newest on handover (written_at desc, id desc);

create table handover_item (
    handover_id      uuid        not null references handover (id),
    number           int         not null check (number > 0),
    tenant           text        not null,
    kind             text        not null,
    subject_id       uuid,
    step             int,
    title            text        not null,
    detail           text,
    ends_at          timestamptz,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    acknowledge_note text,
    escalated_at     timestamptz,
    primary key (handover_id, number),
    check ((acknowledged_by is null) = (acknowledged_at is null))
);
-- the sweep looks for items nobody acknowledged that are not escalated yet
create index handover_item_unanswered on handover_item (handover_id)
    where acknowledged_at is null and escalated_at is null;

-- A pending delivery's place in the sending queue lives in a narrow table of its own (ADR 0023). Claiming moves
-- next_attempt_at on every attempt: on the delivery row that rewrote the whole row (its payload included) and
-- added an entry to each of its seven indexes; on a queue row it rewrites a few dozen bytes and three index entries.
-- The delivery row now changes once, when the delivery ends, and no index covers what changes then, so that
-- update can stay on its page (fillfactor leaves room for it).
--
-- No foreign key to delivery: the key check would lock each delivery row as its queue row is written. Both rows are
-- only ever written together, in one statement, by DeliveryStore.
create table delivery_queue (
    delivery_id     uuid primary key,
    endpoint_id     uuid        not null,
    -- null for a notice about an endpoint, which belongs to no incident and waits for nothing
    incident_id     uuid,
    -- the delivery's seq: deliveries of an incident to an endpoint go in this order
    seq             bigint      not null,
    -- attempts made so far, this one included once claimed; fences the claim
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    -- when it was planned or last sent again by hand: it expires this long after (vigil.notify.delivery.expire-after)
    queued_at       timestamptz not null default now()
);

insert into delivery_queue (delivery_id, endpoint_id, incident_id, seq, attempts, next_attempt_at, queued_at)
select id, endpoint_id, incident_id, seq, attempts, next_attempt_at, coalesce(replayed_at, created_at)
from delivery where status = 'pending';

-- Only the due scans state next_attempt_at < 'infinity', so the probe for an earlier pending delivery of the same
-- incident cannot pick this index (see V11 and DeliveryStore.claimDue).
create index delivery_queue_due on delivery_queue (endpoint_id, next_attempt_at) where next_attempt_at < 'infinity';
create index delivery_queue_in_order on delivery_queue (endpoint_id, incident_id, seq);

drop index delivery_due_by_endpoint;
drop index delivery_pending_in_order;

alter table delivery set (fillfactor = 80);

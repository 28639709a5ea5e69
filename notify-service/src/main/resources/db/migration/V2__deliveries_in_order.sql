-- A customer must never read "recovered" before "failing": per endpoint and incident, a delivery is due only
-- once every earlier one has been delivered or given up. seq records the order deliveries were planned in
-- (created_at is the same for a whole batch).
alter table delivery add column seq bigserial;
create index delivery_pending_in_order on delivery (endpoint_id, incident_id, seq) where status = 'pending';

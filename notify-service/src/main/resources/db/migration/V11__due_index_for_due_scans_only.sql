-- The due index serves the scans for due deliveries only: they state next_attempt_at < 'infinity', which no other
-- query does, so the probe for an earlier pending delivery of the same incident cannot pick this index and scan an
-- endpoint's whole backlog (it uses delivery_pending_in_order). See DeliveryStore.claimDue and ADR 0014.
drop index delivery_due_by_endpoint;
create index delivery_due_by_endpoint on delivery (endpoint_id, next_attempt_at)
    where status = 'pending' and next_attempt_at < 'infinity';

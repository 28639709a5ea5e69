-- The circuit breaker of each endpoint, shared by every replica: failed attempts in a row (no answer, timeout, 408,
-- 429, 5xx) and, once they reach the threshold, the time until which nothing is sent to it.
alter table endpoint add column consecutive_failures integer not null default 0;
alter table endpoint add column paused_until timestamptz;

-- Claims take a few due deliveries of each endpoint in turn, so one endpoint's backlog never fills every slot. They
-- look for due rows endpoint by endpoint; the index on next_attempt_at alone only tempted the planner, when its
-- statistics lagged behind a burst, into scanning every due row of every endpoint (5 s a claim at 20,000 due).
create index delivery_due_by_endpoint on delivery (endpoint_id, next_attempt_at) where status = 'pending';
drop index delivery_due;

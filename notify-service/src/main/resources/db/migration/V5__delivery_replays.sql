-- A failed delivery sent again by hand (POST /v1/deliveries/{id}/replay): how often, last by whom, when and why.
-- Each round ends in an outcome event whose id derives from the delivery, the result and the count, so a replayed
-- round's outcome is a new event while a redelivered one is still the same.
alter table delivery add column replays     integer not null default 0;
alter table delivery add column replayed_by text;
alter table delivery add column replayed_at timestamptz;
alter table delivery add column replay_note text;

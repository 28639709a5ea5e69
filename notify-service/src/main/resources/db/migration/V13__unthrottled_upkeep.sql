-- While any transaction in this database holds a snapshot, dead queue rows can be neither removed nor skipped
-- cheaply, and every claim walks them (ADR 0014). Autovacuum's ANALYZE of a large table holds one for as long as it
-- runs, and throttled by the default cost delay, analyzing delivery took seconds of every burst, during which a
-- drain fell to half its rate. Upkeep of the tables a burst writes runs unthrottled: an analyze takes a fraction of
-- a second, and the queue's dead rows go as soon as autovacuum visits.
alter table delivery_queue set (autovacuum_vacuum_cost_delay = 0, autovacuum_vacuum_scale_factor = 0,
                                autovacuum_vacuum_threshold = 1000);
alter table delivery set (autovacuum_vacuum_cost_delay = 0);
alter table outbox set (autovacuum_vacuum_cost_delay = 0);
alter table inbox set (autovacuum_vacuum_cost_delay = 0);

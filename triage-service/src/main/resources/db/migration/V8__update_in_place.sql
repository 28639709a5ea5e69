-- Let a repeated alert update its state and its suppression stretch in place (docs/adr/0013-triage-throughput.md).
-- An update is HOT (no index touched, the old version pruned within its page) only when no indexed column changes
-- and the page has room. Every repeat changes alert_states.last_observed_at and suppressions.last_at, so their
-- indexes go: event time is kept per tenant in memory (EventTimes), and the two listings sort a tenant's rows.
drop index alert_states_observed;
drop index suppressions_by_time;

-- room in each page for the next versions of its rows; existing pages get it as they are rewritten
alter table alert_states set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);
alter table suppressions set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);

-- An alert's last results, rewritten by every alert, as one big-endian 8-byte word per result, oldest first: epoch
-- millis shifted left once, the low bit set when firing (AlertStateStore.history). As JSON they took three quarters
-- of the row.
create function pg_temp.history_words(history jsonb) returns bytea language sql immutable as $$
    select coalesce(string_agg(int8send(((result ->> 0)::bigint << 1) | (result ->> 1)::bigint), ''::bytea
                               order by position), ''::bytea)
    from jsonb_array_elements(history) with ordinality as r(result, position)
$$;
alter table alert_states alter column history type bytea using pg_temp.history_words(history);

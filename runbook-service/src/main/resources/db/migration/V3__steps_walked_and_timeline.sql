-- Operators walk an execution's steps one by one. A critical step waits for a second person, who is neither the
-- one who started it nor the one who finished it, before it counts as done (or skipped). Every change is appended
-- to the execution's timeline, which is never edited: a correction is a new entry.

alter table execution_step
    drop constraint execution_step_status_check,
    add constraint execution_step_status
        check (status in ('pending', 'in-progress', 'awaiting-verification', 'done', 'skipped', 'failed')),
    add column started_by  text,
    add column started_at  timestamptz,
    add column finished_by text,
    add column finished_at timestamptz,
    -- what the finisher asked for: done or skipped, which a critical step becomes once verified; or failed
    add column outcome     text check (outcome in ('done', 'skipped', 'failed')),
    -- the result observed, or why the step was skipped or failed
    add column note        text,
    add column verified_by text,
    add column verified_at timestamptz,
    add constraint execution_step_outcome_when_finished
        check ((status in ('pending', 'in-progress')) = (outcome is null)),
    add constraint execution_step_verified_by_another
        check (verified_by is null or (verified_by <> finished_by and verified_by <> coalesce(started_by, ''))),
    add constraint execution_step_skipped_or_failed_with_reason
        check (outcome not in ('skipped', 'failed') or note is not null);

create table execution_entry (
    execution_id uuid        not null references execution (id),
    -- 1, 2, 3... per execution, in the order the changes were made (they are made on the locked execution row)
    seq          int         not null check (seq > 0),
    tenant       text        not null,
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    -- the step the entry is about; none for the execution's opening, ending and free notes
    step         int,
    note         text,
    -- the earlier entry this one corrects
    corrects     int,
    primary key (execution_id, seq),
    constraint execution_entry_corrects_earlier check (corrects is null or corrects < seq)
);

create function execution_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the execution timeline is append-only: add a correction instead';
end;
$$;

create trigger execution_entry_append_only
    before update or delete on execution_entry
    for each row execute function execution_entry_refuse_change();

-- executions opened before the timeline existed start it with their opening
insert into execution_entry (execution_id, seq, tenant, at, actor, action)
select id, 1, tenant, opened_at, 'runbook', 'opened' from execution;
insert into execution_entry (execution_id, seq, tenant, at, actor, action, note)
select id, 2, tenant, closed_at, closed_by, status, close_note from execution where status <> 'open';

-- Executions end: an operator completes one (with an optional note) or abandons it (with a reason). Ending is
-- final; who ended it and when is kept on the row, and the event that announces it is written to the outbox in
-- the same transaction.

alter table execution
    add column closed_at  timestamptz,
    add column closed_by  text,
    -- the closing note of a completed execution, or why it was abandoned
    add column close_note text,
    drop constraint execution_status_check,
    add constraint execution_status check (status in ('open', 'completed', 'abandoned')),
    -- an ended execution says when and by whom; an open one has neither
    add constraint execution_closed_when_ended
        check ((status = 'open') = (closed_at is null) and (closed_at is null) = (closed_by is null)),
    add constraint execution_abandoned_with_reason check (status <> 'abandoned' or close_note is not null);

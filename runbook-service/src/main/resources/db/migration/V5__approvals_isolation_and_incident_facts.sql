-- A step may need the customer's approval before anyone starts it; the customer's decision is kept on the step.
-- An execution keeps the facts of the incident it opened for (for its report) and its isolation record: where the
-- fault lies, area by area.

alter table execution_step
    add column customer_approval boolean not null default false,
    add column approval          text check (approval in ('approved', 'rejected')),
    add column approval_by       text,
    add column approval_at       timestamptz,
    add column approval_note     text,
    add constraint execution_step_approval_decided
        check ((approval is null) = (approval_by is null) and (approval is null) = (approval_at is null)),
    add constraint execution_step_approval_only_when_needed check (approval is null or customer_approval);
alter table execution_step alter column customer_approval drop default;

alter table execution
    add column resource           text,
    add column check_name         text,
    add column severity           text,
    add column summary            text,
    add column incident_opened_at timestamptz,
    -- area (hardware, os, middleware, application, network) -> {finding, note, by, at}
    add column isolation          jsonb not null default '{}'::jsonb;

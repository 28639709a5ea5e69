-- What runbook knows of each incident, from its latest event: an operator may start an execution by hand for an
-- incident runbook has heard of, and the execution keeps these facts for its report as one opened on a
-- confirmation does.
alter table incident_times
    add column resource   text,
    add column check_name text,
    add column severity   text,
    add column summary    text;

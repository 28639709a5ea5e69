-- What an endpoint wants to hear: the message kinds (null: every kind its audience hears) and the least severity
-- (null: every severity). An incident with no severity is always sent: nothing says it matters less.
alter table endpoint add column kinds        text[];
alter table endpoint add column min_severity text
    constraint endpoint_min_severity check (min_severity in ('critical', 'major', 'minor', 'warning', 'info'));

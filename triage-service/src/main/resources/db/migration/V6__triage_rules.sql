-- A tenant's noise rules (grouping, thresholds, flap detection, timeouts, inhibitions), every version kept: the
-- audit of who changed them, when, and what they said before and after. A tenant without a row runs on the
-- defaults (TriageRules.DEFAULT, version 0).
create table triage_rules (
    tenant     text        not null,
    version    int         not null check (version > 0),
    -- the whole document as the contracts JSON mapper writes TriageRules: ISO-8601 durations, matcher ops as symbols
    rules      jsonb       not null check (jsonb_typeof(rules) = 'object'),
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (tenant, version)
);

create function triage_rules_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'triage rules versions are the audit and are never changed: save a new version instead'
        using errcode = '55000';
end
$$;
create trigger triage_rules_append_only before update or delete on triage_rules
    for each row execute function triage_rules_are_append_only();

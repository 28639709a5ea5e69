-- Runbooks are versioned: editing one saves a new version, and an execution keeps the version it opened with.
-- A version is the whole definition (name, description, match, steps) as one immutable document; the runbook row
-- is the head that names the current version and keeps names unique per tenant. Steps gain a kind, an expected
-- result, a customer-visibility flag, a name other steps can refer to, and (decision steps) the branches they offer.

create table runbook_version (
    runbook_id uuid        not null references runbook (id),
    version    int         not null check (version > 0),
    tenant     text        not null,
    definition jsonb       not null check (jsonb_typeof(definition -> 'steps') = 'array'),
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (runbook_id, version)
);

insert into runbook_version (runbook_id, version, tenant, definition, changed_by, changed_at)
select r.id, 1, r.tenant,
       jsonb_strip_nulls(jsonb_build_object('name', r.name, 'description', r.description, 'match', r.match,
           'steps', (select jsonb_agg(jsonb_build_object('kind', 'action', 'title', s.title,
                                                         'instructions', s.instructions, 'critical', s.critical,
                                                         'customerVisible', false) order by s.position)
                     from runbook_step s where s.runbook_id = r.id))),
       'vigil', r.created_at
from runbook r;

alter table runbook
    add column version    int not null default 1 check (version > 0),
    add column updated_at timestamptz,
    drop column description,
    drop column match;
update runbook set updated_at = created_at;
alter table runbook alter column updated_at set not null, alter column version drop default;

drop table runbook_step;

alter table execution
    add column runbook_version int not null default 1;
alter table execution alter column runbook_version drop default;

alter table execution_step
    add column name             text,
    add column kind             text    not null default 'action'
        check (kind in ('check', 'action', 'contact-customer', 'decision')),
    add column expected         text,
    add column customer_visible boolean not null default false,
    -- a decision step's answers, each naming the step it goes on to
    add column branches         jsonb,
    -- the answer given, once a decision step is reported done
    add column answer           text;
alter table execution_step alter column kind drop default, alter column customer_visible drop default;

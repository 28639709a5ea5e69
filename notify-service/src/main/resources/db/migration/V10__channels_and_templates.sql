-- How an endpoint is reached (a JSON webhook, a Slack-compatible incoming webhook, or email to a mailto: url), and
-- the language and time zone its messages are written in.
alter table endpoint add column channel   text not null default 'webhook'
    constraint endpoint_channel check (channel in ('webhook', 'slack', 'email'));
alter table endpoint add column language  text not null default 'en'
    constraint endpoint_language check (language in ('en', 'ja'));
alter table endpoint add column time_zone text not null default 'UTC';

-- A tenant's own wording of a message kind in one language, replacing Vigil's template. Checked when saved: a
-- template that does not render is refused then, not found out when an incident is being told.
create table message_template (
    id         uuid        primary key,
    tenant     text        not null,
    kind       text        not null,
    language   text        not null constraint message_template_language check (language in ('en', 'ja')),
    subject    text        not null,
    body       text        not null,
    version    int         not null default 1,
    created_at timestamptz not null default now(),
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    constraint message_template_once unique (tenant, kind, language)
);
create index message_template_paging on message_template (tenant, created_at, id);

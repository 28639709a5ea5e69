-- An endpoint is disabled by a person (PATCH) or by its receiver answering 410 Gone: why and when is kept, and
-- nothing is planned for it or sent to it until it is enabled again. Deleting one keeps the row, so its deliveries
-- stay listed; the url is free again for a new endpoint of the tenant.
alter table endpoint add column disabled_at     timestamptz;
alter table endpoint add column disabled_reason text;
alter table endpoint add column deleted_at      timestamptz;
alter table endpoint drop constraint endpoint_tenant_url;
create unique index endpoint_tenant_url on endpoint (tenant, url) where deleted_at is null;

-- A notice about an endpoint (its receiver is gone) goes to the tenant's staff, and belongs to no incident.
alter table delivery alter column incident_id drop not null;

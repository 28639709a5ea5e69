-- lists page newest first on (opened_at, id); staff lists span tenants, so one index per shape
drop index incidents_tenant_opened;
create index incidents_tenant_page on incidents (tenant, opened_at desc, id desc);
create index incidents_page on incidents (opened_at desc, id desc);

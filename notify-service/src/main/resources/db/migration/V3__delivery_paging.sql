-- lists page newest first on (created_at, id); staff lists span tenants, so one index per shape
drop index delivery_by_tenant;
create index delivery_tenant_page on delivery (tenant, created_at desc, id desc);
create index delivery_page on delivery (created_at desc, id desc);

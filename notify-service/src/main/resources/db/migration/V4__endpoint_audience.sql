-- Who reads an endpoint: the tenant's customer, or the MSP's own operators or supervisors on duty for that tenant.
-- Every endpoint registered so far was a customer's.
alter table endpoint add column audience text not null default 'customer'
    constraint endpoint_audience check (audience in ('customer', 'operators', 'supervisors'));

-- The audience a delivery's body was written for, fixed when it is planned: the outcome names it (triage records
-- the first delivery to the customer as first contact), and a customer's delivery list leaves out the MSP's
-- channels, without a join to endpoint. Earlier deliveries all went to customers; new rows always name it.
alter table delivery add column audience text not null default 'customer'
    constraint delivery_audience check (audience in ('customer', 'operators', 'supervisors'));
alter table delivery alter column audience drop default;

-- Rotating an endpoint's secret keeps the one before for an overlap, during which every webhook carries a signature
-- with each (Standard Webhooks allows several), so the receiver can switch to the new secret at its own pace.
alter table endpoint add column previous_secret       text;
alter table endpoint add column previous_secret_until timestamptz;

-- H2 has no partial indexes: every row has an entry in each of these, NULL or not (NULLs never collide in the
-- unique ones).
create unique index asyncops_operation_active_resource on asyncops_operation (active_resource);
create unique index asyncops_operation_idempotency on asyncops_operation (idempotency_ref);
create index asyncops_operation_due on asyncops_operation (due_at);
create index asyncops_operation_ended on asyncops_operation (ended_at);
create index asyncops_operation_request on asyncops_operation (request_id, created_at);
create index asyncops_operation_created on asyncops_operation (created_at, id);

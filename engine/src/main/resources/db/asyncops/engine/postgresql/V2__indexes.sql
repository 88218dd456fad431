-- Partial indexes: a row is in an index only while the index concerns it, so the two updates every operation
-- goes through (claim, end) touch few indexes, and each index stays as small as what it serves:
--   due       non-terminal rows only: the claim query stays flat however many finished operations are kept;
--   ended     terminal rows only: what pruning scans;
--   the unique and lookup ones only rows that have a value.
create unique index asyncops_operation_active_resource on asyncops_operation (active_resource)
    where active_resource is not null;
create unique index asyncops_operation_idempotency on asyncops_operation (idempotency_ref)
    where idempotency_ref is not null;
create index asyncops_operation_due on asyncops_operation (due_at) where due_at is not null;
create index asyncops_operation_ended on asyncops_operation (ended_at) where ended_at is not null;
create index asyncops_operation_request on asyncops_operation (request_id, created_at) where request_id is not null;

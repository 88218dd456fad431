-- Partial indexes: the claim index holds only non-terminal rows, so claiming stays flat however many finished
-- operations the table keeps; the pruning index holds only terminal rows.
create index asyncops_operation_due on asyncops_operation (due_at) where due_at is not null;
create index asyncops_operation_ended on asyncops_operation (ended_at) where ended_at is not null;

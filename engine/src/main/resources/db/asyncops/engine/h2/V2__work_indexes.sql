-- H2 has no partial indexes: terminal rows (due_at and ended_at NULL or set) stay in these indexes.
create index asyncops_operation_due on asyncops_operation (due_at);
create index asyncops_operation_ended on asyncops_operation (ended_at);

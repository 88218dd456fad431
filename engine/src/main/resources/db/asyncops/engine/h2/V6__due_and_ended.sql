-- One index for claims and pruning instead of two: H2 has no partial indexes, so each index adds an entry to every
-- row a submit inserts (and each entry a log record and a commit mark), whatever its value. due_at is set while an
-- operation is not terminal and NULL once it is; ended_at the other way round. Claims read the range
-- "due_at <= ?" (the first column, index sorted, as before); pruning reads "due_at is null and ended_at < ?"
-- (NULL sorts first in H2: the terminal rows are the index's first range, by end time).
drop index asyncops_operation_due;
drop index asyncops_operation_ended;
create index asyncops_operation_due_ended on asyncops_operation (due_at, ended_at);

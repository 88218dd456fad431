-- The change stamp: every write that moves an operation's version past its first takes the next value of one
-- sequence, so the waiters' fallback recheck reads the rows changed since its last rounds (a range of this index)
-- instead of every waited-on row by id. Null until the first change after the insert: a new operation has no
-- waiter that could have missed it (a waiter registers, then reads).
create sequence asyncops_change_seq;
alter table asyncops_operation add column change_seq bigint;
create index asyncops_operation_change on asyncops_operation (change_seq) where change_seq is not null;

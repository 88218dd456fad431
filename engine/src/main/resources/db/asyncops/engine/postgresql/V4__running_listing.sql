-- Listing the running operations of a subscription ($filter=status eq 'InProgress'): an index of the non-terminal
-- rows only (due_at is NULL once terminal), so a first page is found without walking the subscription's finished
-- history, however long it is. The listing query adds "due_at is not null" when it asks for running statuses only.
create index asyncops_operation_running_listing on asyncops_operation (subscription, created_at, id)
    where due_at is not null;

-- The idempotency keys and held resources in a table of their own, with a row only where the operation has one.
-- H2 has no partial indexes: as unique indexes on asyncops_operation they gave every row an entry in two more
-- B-trees (each entry an undo record, a commit mark and a page to rewrite), though most operations have neither.
-- ref is 'k' followed by idempotency_ref, or 'r' followed by the held resource; its primary key keeps both rules
-- race-free, as the two unique indexes did. The columns stay on the operation row (written as before, no longer
-- indexed); a resource's row goes when its operation ends, a key's when the operation is pruned.
create table asyncops_operation_hold (
    ref          varchar(2001) not null,
    operation_id uuid          not null,
    constraint asyncops_operation_hold_pk primary key (ref)
);
insert into asyncops_operation_hold (ref, operation_id)
    select 'k' || idempotency_ref, id from asyncops_operation where idempotency_ref is not null;
insert into asyncops_operation_hold (ref, operation_id)
    select 'r' || active_resource, id from asyncops_operation where active_resource is not null;
drop index asyncops_operation_active_resource;
drop index asyncops_operation_idempotency;

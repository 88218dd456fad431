-- The payloads a status read does not show (input, checkpoint) leave the row: with a row of about 1 KB (below the
-- 2 KB at which PostgreSQL moves values out of a row) a status read by id touched a block holding the whole row,
-- input included, and a table of a million such rows does not fit shared buffers. With a target of 128 bytes,
-- input and checkpoint (storage extended, the default) are compressed and then stored in the TOAST table whenever
-- a row is larger than that; every other column is kept in the row (storage main: compressed in place if that
-- saves a quarter, out of the row only if the row would not fit a page), so a status read, the claim's and the
-- ending's writes and the listing's filters find them in the heap. Applies to rows written from now on.
alter table asyncops_operation
    alter column request_id set storage main,
    alter column kind set storage main,
    alter column subscription set storage main,
    alter column resource_id set storage main,
    alter column active_resource set storage main,
    alter column status set storage main,
    alter column result set storage main,
    alter column error set storage main,
    alter column idempotency_key set storage main,
    alter column idempotency_ref set storage main,
    alter column owner_principal set storage main,
    alter column lease_owner set storage main,
    alter column correlation_id set storage main;
alter table asyncops_operation set (toast_tuple_target = 128);

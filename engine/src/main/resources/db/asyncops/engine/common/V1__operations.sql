-- The operations table, shared by every database. Times are timestamps with time zone (UTC instants).
--
-- due_at drives the claim query: while an operation is not terminal it says when a worker may next take it
-- (its creation, the end of the current lease, or the end of a retry backoff); it is NULL once terminal.
-- active_resource holds resource_id while an exclusive operation is not terminal; its unique index makes the
-- "one running operation per resource" rule race-free. idempotency_ref is subscription + key, unique.
create table asyncops_operation (
    id               uuid          not null,
    request_id       varchar(200),
    kind             varchar(200)  not null,
    subscription     varchar(200),
    resource_id      varchar(2000),
    active_resource  varchar(2000),
    status           varchar(20)   not null,
    percent_complete double precision,
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    ended_at         timestamp with time zone,
    expected_end_at  timestamp with time zone,
    input            varchar,
    result           varchar,
    error            varchar,
    attempt          integer       not null,
    checkpoint       varchar,
    idempotency_key  varchar(200),
    idempotency_ref  varchar(500),
    owner_principal  varchar(500),
    cancel_requested boolean       not null,
    version          bigint        not null,
    lease_owner      varchar(100),
    due_at           timestamp with time zone,
    constraint asyncops_operation_pk primary key (id)
);

-- Listing pages by subscription, newest first; the other indexes differ per database (V2).
create index asyncops_operation_listing on asyncops_operation (subscription, created_at, id);

-- What an operation's timeline needs beyond its row (issue #14).
--
-- correlation_id: the x-ms-correlation-request-id of the request that started it (set at insert, read only by
-- the history, never by the hot path's queries).
-- asyncops_operation_event: the steps the row cannot show, at most a bounded number per run of a handler:
-- progress and checkpoints, cancel requests, and every start after the first (a retry, or a takeover from a
-- node whose lease expired). Accepted, the first start and the end are read from the row itself, so an
-- operation without progress (the common case) writes no event at all. Keyed by the operation's version after
-- the change, which is unique per operation; pruned with the operation.
alter table asyncops_operation add column correlation_id varchar(200);

create table asyncops_operation_event (
    operation_id     uuid          not null,
    version          bigint        not null,
    at               timestamp with time zone not null,
    type             varchar(30)   not null,
    node             varchar(100),
    attempt          integer       not null,
    percent_complete double precision,
    detail           varchar(500),
    constraint asyncops_operation_event_pk primary key (operation_id, version)
);
-- No foreign key to asyncops_operation: on H2 it made every update of an operation row check this table (the
-- engine's drain fell by half); pruning deletes an operation's events with it, in one transaction.

-- The generic resource store of the provider core: one row per resource of every type (resource groups,
-- Microsoft.Sql, BizTalk Services, types from specs, users' own), keyed by the resource id in lower case (ARM ids
-- compare without case; `id` keeps the case given at creation). ANSI SQL shared by H2 and PostgreSQL.
--
-- The per-type tables of V1 are dropped, not migrated: they held emulated state only (an upgraded install starts
-- with no emulated resources; its operations still show).
DROP TABLE IF EXISTS emu_firewall_rule;
DROP TABLE IF EXISTS emu_sql_database;
DROP TABLE IF EXISTS emu_sql_server;
DROP TABLE IF EXISTS emu_resource_group;

-- parent_key: the parent's id_key (a group's parent is its subscription, /subscriptions/{id}); children are found
-- through it, so deleting a resource removes everything under it. group_key: the resource group's name in lower case
-- (null outside a group); deleting a group removes every row of its (subscription_key, group_key).
-- global_name: type and name in lower case for types whose names are unique across every subscription (a SQL
-- server's name becomes a DNS name); null otherwise. Its unique index makes the rule race-free.
-- pending: while a long-running write runs, the body it will store when it succeeds.
CREATE TABLE emu_resource (
    id_key             VARCHAR(2000) NOT NULL,
    id                 VARCHAR(2000) NOT NULL,
    type               VARCHAR(300)  NOT NULL,
    parent_key         VARCHAR(2000) NOT NULL,
    subscription_key   VARCHAR(200)  NOT NULL,
    group_key          VARCHAR(200),
    name               VARCHAR(400)  NOT NULL,
    global_name        VARCHAR(800),
    location           VARCHAR(64),
    body               VARCHAR       NOT NULL,
    pending            VARCHAR,
    provisioning_state VARCHAR(32)   NOT NULL,
    etag               VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (id_key)
);
CREATE UNIQUE INDEX emu_resource_global_name ON emu_resource (global_name);
CREATE INDEX emu_resource_parent ON emu_resource (parent_key, type, id_key);
CREATE INDEX emu_resource_group ON emu_resource (subscription_key, group_key, type, id_key);
CREATE INDEX emu_resource_subscription ON emu_resource (subscription_key, type, id_key);

-- Resource state of the emulated ARM providers (resource groups, Microsoft.Sql servers, databases, firewall rules).
-- ANSI SQL shared by H2 and PostgreSQL. Names keep the case given; *_key columns hold the lower-case form that
-- lookups and uniqueness use, because ARM names are case-insensitive.

CREATE TABLE emu_resource_group (
    subscription_key   VARCHAR(64)    NOT NULL,
    name_key           VARCHAR(90)    NOT NULL,
    subscription_id    VARCHAR(64)    NOT NULL,
    name               VARCHAR(90)    NOT NULL,
    location           VARCHAR(64)    NOT NULL,
    tags               VARCHAR(60000) NOT NULL,
    provisioning_state VARCHAR(32)    NOT NULL,
    PRIMARY KEY (subscription_key, name_key)
);

-- Logical server names are globally unique in Azure (they become DNS names), hence the key on the name alone.
CREATE TABLE emu_sql_server (
    name_key              VARCHAR(63)    NOT NULL,
    subscription_key      VARCHAR(64)    NOT NULL,
    group_key             VARCHAR(90)    NOT NULL,
    subscription_id       VARCHAR(64)    NOT NULL,
    resource_group        VARCHAR(90)    NOT NULL,
    name                  VARCHAR(63)    NOT NULL,
    location              VARCHAR(64)    NOT NULL,
    tags                  VARCHAR(60000) NOT NULL,
    administrator_login   VARCHAR(128)   NOT NULL,
    version               VARCHAR(16)    NOT NULL,
    minimal_tls_version   VARCHAR(16),
    public_network_access VARCHAR(16)    NOT NULL,
    state                 VARCHAR(32),
    provisioning_state    VARCHAR(32)    NOT NULL,
    PRIMARY KEY (name_key)
);
CREATE INDEX emu_sql_server_group ON emu_sql_server (subscription_key, group_key);

CREATE TABLE emu_sql_database (
    server_key         VARCHAR(63)    NOT NULL,
    name_key           VARCHAR(128)   NOT NULL,
    name               VARCHAR(128)   NOT NULL,
    location           VARCHAR(64)    NOT NULL,
    tags               VARCHAR(60000) NOT NULL,
    sku_name           VARCHAR(64)    NOT NULL,
    sku_tier           VARCHAR(64)    NOT NULL,
    sku_family         VARCHAR(16),
    sku_capacity       INTEGER,
    max_size_bytes     BIGINT         NOT NULL,
    collation_name     VARCHAR(128)   NOT NULL,
    status             VARCHAR(32)    NOT NULL,
    provisioning_state VARCHAR(32)    NOT NULL,
    database_id        VARCHAR(36)    NOT NULL,
    creation_date      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (server_key, name_key)
);

CREATE TABLE emu_firewall_rule (
    server_key       VARCHAR(63)  NOT NULL,
    name_key         VARCHAR(128) NOT NULL,
    name             VARCHAR(128) NOT NULL,
    start_ip_address VARCHAR(15)  NOT NULL,
    end_ip_address   VARCHAR(15)  NOT NULL,
    PRIMARY KEY (server_key, name_key)
);

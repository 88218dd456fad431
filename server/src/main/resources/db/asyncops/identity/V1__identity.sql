-- The identity provider's tables (OIDC issuer, service principals), ANSI SQL shared by H2 and PostgreSQL, with a
-- Flyway history of their own (asyncops_identity_history). Times are timestamps with time zone (UTC instants).

-- One row per setting of this deployment; 'tenant' is the tenant id every token of this database names.
create table asyncops_identity_setting (
    setting_name  varchar(64)  not null,
    setting_value varchar(256) not null,
    constraint asyncops_identity_setting_pk primary key (setting_name)
);

-- Token signing keys, shared by every node of the database. The newest key whose sign_until is ahead signs;
-- every key verifies until verify_until (sign_until plus the longest token lifetime), then it is deleted.
create table asyncops_identity_key (
    kid          varchar(64)   not null,
    private_key  varchar(8000) not null,
    public_jwk   varchar(4000) not null,
    created_at   timestamp with time zone not null,
    sign_until   timestamp with time zone not null,
    verify_until timestamp with time zone not null,
    constraint asyncops_identity_key_pk primary key (kid)
);

-- Service principals: an application id and only a salted, slow hash of its secret.
create table asyncops_identity_principal (
    app_id       varchar(36)  not null,
    display_name varchar(256) not null,
    secret_hash  varchar(512) not null,
    created_at   timestamp with time zone not null,
    constraint asyncops_identity_principal_pk primary key (app_id)
);

-- The subscriptions each principal may see (lower-case ids).
create table asyncops_identity_grant (
    app_id       varchar(36)  not null,
    subscription varchar(64)  not null,
    constraint asyncops_identity_grant_pk primary key (app_id, subscription),
    constraint asyncops_identity_grant_principal foreign key (app_id)
        references asyncops_identity_principal (app_id) on delete cascade
);

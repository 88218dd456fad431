-- State of the emulated BizTalk Services provider (classic plane). ANSI SQL shared by H2 and PostgreSQL.
-- Names keep the case given; *_key columns hold the lower-case form that lookups and uniqueness use.

-- A deployment's name becomes the host name {name}.biztalk.windows.net, hence the key on the name alone:
-- it is unique across every subscription and cloud service.
CREATE TABLE emu_biztalk_service (
    name_key          VARCHAR(20)    NOT NULL,
    subscription_key  VARCHAR(64)    NOT NULL,
    cloud_service_key VARCHAR(64)    NOT NULL,
    subscription_id   VARCHAR(64)    NOT NULL,
    cloud_service     VARCHAR(64)    NOT NULL,
    name              VARCHAR(20)    NOT NULL,
    plan_name         VARCHAR(16)    NOT NULL,
    edition           VARCHAR(16)    NOT NULL,
    region            VARCHAR(64)    NOT NULL,
    schema_version    VARCHAR(16)    NOT NULL,
    tags              VARCHAR(32000) NOT NULL,
    state             VARCHAR(16)    NOT NULL,
    etag              VARCHAR(36)    NOT NULL,
    last_action       VARCHAR(16)    NOT NULL,
    last_request_id   VARCHAR(64)    NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name_key)
);
CREATE INDEX emu_biztalk_service_cloud ON emu_biztalk_service (subscription_key, cloud_service_key);

-- The handle of each management operation: the x-ms-request-id of the request that started it. Written in the
-- transaction that submits the operation; operation_id is filled right after (or by the operation's first run, if
-- the process died in between, before any caller could learn the handle).
CREATE TABLE emu_biztalk_operation (
    request_id        VARCHAR(64) NOT NULL,
    operation_id      VARCHAR(36),
    subscription_key  VARCHAR(64) NOT NULL,
    subscription_id   VARCHAR(64) NOT NULL,
    cloud_service     VARCHAR(64) NOT NULL,
    name              VARCHAR(20) NOT NULL,
    action            VARCHAR(16) NOT NULL,
    edition           VARCHAR(16) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id)
);

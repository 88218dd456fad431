-- BizTalk Services deployments live in the generic store (emu_resource) and their operations are found by request
-- id through the engine: the provider's own tables (its history asyncops_biztalk_history) are dropped, not migrated.
DROP TABLE IF EXISTS emu_biztalk_operation;
DROP TABLE IF EXISTS emu_biztalk_service;

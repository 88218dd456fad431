-- A deployment's tags are stored as their JSON text. Their limits (50 tags, keys of 512 and values of 256
-- characters, see io.asyncops.protocol.Limits) allow 230,702 characters once JSON escapes every character: the
-- column holds that much.
ALTER TABLE emu_biztalk_service ALTER COLUMN tags SET DATA TYPE VARCHAR(230702);

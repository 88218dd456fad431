-- Tags are stored as their JSON text. Their limits (50 tags, names of 512 and values of 256 characters, see
-- io.asyncops.protocol.Limits) allow 230,702 characters once JSON escapes every character (\u0001 is 6): the columns
-- hold that much, so a request the edge accepts never overflows them.
ALTER TABLE emu_resource_group ALTER COLUMN tags SET DATA TYPE VARCHAR(230702);
ALTER TABLE emu_sql_server ALTER COLUMN tags SET DATA TYPE VARCHAR(230702);
ALTER TABLE emu_sql_database ALTER COLUMN tags SET DATA TYPE VARCHAR(230702);

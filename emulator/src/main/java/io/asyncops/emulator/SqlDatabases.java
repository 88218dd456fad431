package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.internal.ArmInput;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.Locations;
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.emulator.internal.SkuCatalog;
import io.asyncops.emulator.internal.SqlDatabaseTable;
import io.asyncops.emulator.internal.States;
import io.asyncops.emulator.internal.Submitter;
import io.asyncops.emulator.internal.Tags;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.TransactionalWork;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The databases provider ({@code Microsoft.Sql/servers/databases}): create-or-update, delete and export are
 * long-running; the server must exist and be provisioned. A max size beyond the sku's limit is accepted and fails
 * later, as in Azure.
 */
public final class SqlDatabases {
    static final String TYPE = "Microsoft.Sql/servers/databases";
    static final String DEFAULT_COLLATION = "SQL_Latin1_General_CP1_CI_AS";
    private static final Pattern COLLATION = Pattern.compile("[A-Za-z0-9_]{1,128}");
    private static final Set<String> STORAGE_KEY_TYPES = Set.of("StorageAccessKey", "SharedAccessKey", "ManagedIdentity");

    private final DataSource dataSource;
    private final Submitter submitter;
    private final EmulatorSettings settings;

    SqlDatabases(DataSource dataSource, Submitter submitter, EmulatorSettings settings) {
        this.dataSource = dataSource;
        this.submitter = submitter;
        this.settings = settings;
    }

    /** PUT: creates the database or updates its sku, size, collation or tags. */
    public StartedOperation createOrUpdate(Caller caller, String group, String server, String name, JsonNode body) {
        NameRules.database(name);
        JsonNode b = Bodies.object(body);
        String location = Locations.forResourceType(Bodies.text(b, "location", "location"), TYPE);
        Map<String, String> tags = Tags.read(b.get("tags"));
        String fault = Tags.fault(tags).orElse(null);
        JsonNode p = Bodies.child(b, "properties", "properties");
        Sku sku = requestedSku(b, p);
        Long maxSize = Bodies.integer(p, "maxSizeBytes", "properties.maxSizeBytes");
        if (maxSize != null && maxSize <= 0) {
            throw Errors.invalidValue("maxSizeBytes", "The max size must be a positive number of bytes, not "
                    + maxSize + ".");
        }
        String collation = Bodies.text(p, "collation", "properties.collation");
        if (collation != null && !COLLATION.matcher(collation).matches()) {
            throw new EmulatorException(400, "InvalidCollation", "Collation '" + collation + "' is not recognized"
                    + " by the server.", "properties.collation");
        }
        String createMode = Bodies.text(p, "createMode", "properties.createMode");
        if (createMode != null && !"Default".equalsIgnoreCase(createMode)) {
            throw Errors.invalidValue("createMode", "The emulator creates databases with createMode 'Default' only,"
                    + " not '" + createMode + "'.");
        }

        Supplier<StartedOperation> start = Jdbc.run(dataSource, c -> {
            SqlServer s = Lookups.parentServer(c, caller.subscription(), group, server);
            if (!s.location().equals(location)) {
                throw new EmulatorException(400, "InvalidLocation", "The database location '" + location
                        + "' must be the location of its server '" + s.name() + "' ('" + s.location() + "').",
                        "location");
            }
            Optional<SqlDatabase> existing = SqlDatabaseTable.find(c, s, name);
            ArmInput input = new ArmInput(s.subscriptionId(), s.resourceGroup(), s.name(),
                    existing.map(SqlDatabase::name).orElse(name), location, new TreeMap<>(Tags.withoutFault(tags)),
                    fault, null, null, null, null, sku, maxSize, collation, null, null);
            if (existing.isPresent()) {
                SqlDatabase d = existing.get();
                boolean scaling = sku != null && !sku.name().equals(d.sku().name());
                return () -> start(caller, d, input, OperationKinds.DATABASE_WRITE, tx -> {
                    if (Jdbc.update(tx, "UPDATE emu_sql_database SET provisioning_state = ?, status = ?"
                                    + " WHERE server_key = ? AND name_key = ? AND provisioning_state NOT IN (?, ?, ?)",
                            States.UPDATING, scaling ? States.SCALING : d.status(), key(d.serverName()),
                            key(d.name()), States.CREATING, States.UPDATING, States.DELETING) != 1) {
                        throw Errors.conflictingDatabaseOperation(d.name());
                    }
                });
            }
            SkuCatalog.Entry entry = sku == null ? SkuCatalog.DEFAULT : SkuCatalog.resolve(sku.name(), null, null);
            SqlDatabase created = new SqlDatabase(s.subscriptionId(), s.resourceGroup(), s.name(), name, location,
                    Tags.withoutFault(tags), entry.sku(), maxSize != null ? maxSize : entry.defaultSizeBytes(),
                    collation != null ? collation : DEFAULT_COLLATION, States.CREATING, States.CREATING,
                    UUID.randomUUID().toString(),
                    OffsetDateTime.now(settings.clock()).withOffsetSameInstant(ZoneOffset.UTC));
            return () -> start(caller, created, input, OperationKinds.DATABASE_WRITE, tx -> {
                try {
                    SqlDatabaseTable.insert(tx, created);
                } catch (java.sql.SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) {
                        throw Errors.conflictingDatabaseOperation(name);
                    }
                    throw e;
                }
            });
        });
        return start.get();
    }

    /** DELETE: starts deleting the database; empty when there is no such database (204). */
    public Optional<StartedOperation> delete(Caller caller, String group, String server, String name) {
        Optional<SqlDatabase> db = Jdbc.run(dataSource, c -> {
            SqlServer s = Lookups.parentServerForRead(c, caller.subscription(), group, server);
            return SqlDatabaseTable.find(c, s, name);
        });
        if (db.isEmpty()) {
            return Optional.empty();
        }
        SqlDatabase d = db.get();
        ArmInput input = ArmInput.target(d.subscriptionId(), d.resourceGroup(), d.serverName(), d.name());
        try {
            return Optional.of(submit(caller, d, input, OperationKinds.DATABASE_DELETE, tx -> {
                if (Jdbc.update(tx, "UPDATE emu_sql_database SET provisioning_state = ? WHERE server_key = ?"
                                + " AND name_key = ? AND provisioning_state NOT IN (?, ?, ?)", States.DELETING,
                        key(d.serverName()), key(d.name()), States.CREATING, States.UPDATING, States.DELETING) != 1) {
                    throw Errors.conflictingDatabaseOperation(d.name());
                }
            }));
        } catch (ResourceBusyException e) {
            Operation running = submitter.holder(e)
                    .filter(op -> OperationKinds.DATABASE_DELETE.equals(op.kind()))
                    .orElseThrow(() -> Errors.conflictingDatabaseOperation(d.name()));
            return Optional.of(new StartedOperation(running, OperationKinds.SQL_NAMESPACE, d.location()));
        }
    }

    /**
     * POST {@code .../export}: exports the database to a bacpac at {@code storageUri}; the operation's result is
     * Azure's import/export result. The storage key and the password are checked for presence, never kept.
     */
    public StartedOperation export(Caller caller, String group, String server, String name, JsonNode body) {
        JsonNode b = Bodies.object(body);
        String keyType = required(b, "storageKeyType");
        if (!STORAGE_KEY_TYPES.contains(keyType)) {
            throw Errors.invalidValue("storageKeyType", "'" + keyType + "' is not one of " + STORAGE_KEY_TYPES + ".");
        }
        required(b, "storageKey");
        String storageUri = required(b, "storageUri");
        URI uri;
        try {
            uri = URI.create(storageUri);
        } catch (IllegalArgumentException e) {
            throw Errors.invalidValue("storageUri", "'" + storageUri + "' is not a URI.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw Errors.invalidValue("storageUri", "The storage URI must be an https URL of a blob, e.g."
                    + " https://account.blob.core.windows.net/container/db.bacpac.");
        }
        required(b, "administratorLogin");
        required(b, "administratorLoginPassword");
        SqlDatabase d = Jdbc.run(dataSource, c -> {
            SqlServer s = Lookups.parentServerForRead(c, caller.subscription(), group, server);
            return SqlDatabaseTable.find(c, s, name)
                    .orElseThrow(() -> Errors.resourceNotFound("Microsoft.Sql/servers/databases",
                            s.name() + "/" + name, s.resourceGroup()));
        });
        if (States.isTransitional(d.provisioningState())) {
            throw Errors.conflictingDatabaseOperation(d.name());
        }
        ArmInput input = new ArmInput(d.subscriptionId(), d.resourceGroup(), d.serverName(), d.name(), null, null,
                null, null, null, null, null, null, null, null, storageUri, keyType);
        return start(caller, d, input, OperationKinds.DATABASE_EXPORT, TransactionalWork.none());
    }

    /** The database, or {@code 404}. */
    public SqlDatabase get(String subscription, String group, String server, String name) {
        return Jdbc.run(dataSource, c -> {
            SqlServer s = Lookups.parentServerForRead(c, subscription, group, server);
            return SqlDatabaseTable.find(c, s, name).orElseThrow(() -> Errors.resourceNotFound(
                    "Microsoft.Sql/servers/databases", s.name() + "/" + name, s.resourceGroup()));
        });
    }

    public List<SqlDatabase> listByServer(String subscription, String group, String server) {
        return Jdbc.run(dataSource, c -> SqlDatabaseTable.listByServer(c,
                Lookups.parentServerForRead(c, subscription, group, server)));
    }

    private StartedOperation start(Caller caller, SqlDatabase d, ArmInput input, String kind, TransactionalWork work) {
        try {
            return submit(caller, d, input, kind, work);
        } catch (ResourceBusyException e) {
            throw Errors.conflictingDatabaseOperation(d.name());
        }
    }

    private StartedOperation submit(Caller caller, SqlDatabase d, ArmInput input, String kind, TransactionalWork work) {
        Operation op = submitter.submit(caller, kind, d.id(), input, work);
        return new StartedOperation(op, OperationKinds.SQL_NAMESPACE, d.location());
    }

    /** The sku the body asks for: {@code sku} (current api-versions) or {@code properties.requestedServiceObjectiveName}. */
    private static Sku requestedSku(JsonNode body, JsonNode properties) {
        JsonNode skuNode = Bodies.child(body, "sku", "sku");
        if (!skuNode.isMissingNode()) {
            Long capacity = Bodies.integer(skuNode, "capacity", "sku.capacity");
            if (capacity != null && (capacity < 1 || capacity > 100_000)) {
                throw Errors.invalidValue("sku.capacity", "The capacity must be a number of DTUs or vCores, not "
                        + capacity + ".");
            }
            return SkuCatalog.resolve(Bodies.text(skuNode, "name", "sku.name"), Bodies.text(skuNode, "tier", "sku.tier"),
                    capacity == null ? null : capacity.intValue()).sku();
        }
        String objective = Bodies.text(properties, "requestedServiceObjectiveName",
                "properties.requestedServiceObjectiveName");
        if (objective != null) {
            return SkuCatalog.resolve(objective, Bodies.text(properties, "edition", "properties.edition"), null).sku();
        }
        return null;
    }

    private static String required(JsonNode body, String field) {
        String value = Bodies.text(body, field, field);
        if (value == null || value.isBlank()) {
            throw Errors.missing(field);
        }
        return value;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

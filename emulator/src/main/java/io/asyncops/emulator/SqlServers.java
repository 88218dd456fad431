package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.internal.ArmInput;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.Locations;
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.emulator.internal.SqlServerTable;
import io.asyncops.emulator.internal.States;
import io.asyncops.emulator.internal.Submitter;
import io.asyncops.emulator.internal.Tags;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The logical servers provider ({@code Microsoft.Sql/servers}): create, update and delete are long-running
 * ({@code 202}); reads are synchronous. Requests are validated first, with Azure's codes, and a refused request
 * stores nothing.
 */
public final class SqlServers {
    static final String TYPE = "Microsoft.Sql/servers";
    private static final Set<String> TLS_VERSIONS = Set.of("1.0", "1.1", "1.2", "1.3", "None");

    private final DataSource dataSource;
    private final Submitter submitter;

    SqlServers(DataSource dataSource, Submitter submitter) {
        this.dataSource = dataSource;
        this.submitter = submitter;
    }

    /** PUT: creates the server or updates it. */
    public StartedOperation createOrUpdate(Caller caller, String group, String name, JsonNode body) {
        NameRules.server(name);
        JsonNode b = Bodies.object(body);
        String location = Locations.forResourceType(Bodies.text(b, "location", "location"), TYPE);
        Map<String, String> tags = Tags.read(b.get("tags"));
        String fault = Tags.fault(tags).orElse(null);
        JsonNode p = Bodies.child(b, "properties", "properties");
        String login = Bodies.text(p, "administratorLogin", "properties.administratorLogin");
        String password = Bodies.text(p, "administratorLoginPassword", "properties.administratorLoginPassword");
        String version = version(Bodies.text(p, "version", "properties.version"));
        String tls = tls(Bodies.text(p, "minimalTlsVersion", "properties.minimalTlsVersion"));
        String access = publicNetworkAccess(Bodies.text(p, "publicNetworkAccess", "properties.publicNetworkAccess"));

        // Decide on a connection, then submit outside it: a request never holds two pooled connections at once.
        Supplier<StartedOperation> start = Jdbc.run(dataSource, c -> {
            ResourceGroup g = Lookups.group(c, caller.subscription(), group, true);
            Optional<SqlServer> anywhere = SqlServerTable.findAnywhere(c, name);
            if (anywhere.isPresent() && !sameGroup(anywhere.get(), g)) {
                throw nameTaken(caller, anywhere.get());
            }
            if (anywhere.isPresent()) {
                SqlServer existing = anywhere.get();
                checkUnchanged(existing, location, login, password);
                // the same input a create from this request would have: a retried create (same idempotency key)
                // that finds its server already there is then recognized by the engine as the same operation
                ArmInput input = new ArmInput(g.subscriptionId(), g.name(), existing.name(), null, location,
                        sorted(Tags.withoutFault(tags)), fault, login, version, tls,
                        access != null ? access : "Enabled", null, null, null, null, null);
                return () -> startUpdate(caller, existing, input);
            }
            if (login == null) {
                throw Errors.invalidValue("Login", "Specify a valid parameter value: 'properties.administratorLogin'"
                        + " is required to create a server.");
            }
            NameRules.login(login);
            if (password == null) {
                throw Errors.invalidValue("Password", "Specify a valid parameter value:"
                        + " 'properties.administratorLoginPassword' is required to create a server.");
            }
            NameRules.password(password, login);
            SqlServer created = new SqlServer(g.subscriptionId(), g.name(), name, location, Tags.withoutFault(tags),
                    login, version, tls, access != null ? access : "Enabled", null, States.CREATING);
            ArmInput input = new ArmInput(g.subscriptionId(), g.name(), name, null, location,
                    sorted(created.tags()), fault, login, version, tls, created.publicNetworkAccess(),
                    null, null, null, null, null);
            return () -> start(caller, created, input, tx -> {
                try {
                    SqlServerTable.insert(tx, created);
                } catch (java.sql.SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) {
                        throw Errors.conflictingServerOperation(name);
                    }
                    throw e;
                }
            });
        });
        return start.get();
    }

    /** PATCH: updates what the body names, keeps the rest. */
    public StartedOperation update(Caller caller, String group, String name, JsonNode body) {
        JsonNode b = Bodies.object(body);
        String location = Locations.normalize(Bodies.text(b, "location", "location"));
        Map<String, String> tags = b.has("tags") ? Tags.read(b.get("tags")) : null;
        String fault = tags == null ? null : Tags.fault(tags).orElse(null);
        JsonNode p = Bodies.child(b, "properties", "properties");
        String login = Bodies.text(p, "administratorLogin", "properties.administratorLogin");
        String password = Bodies.text(p, "administratorLoginPassword", "properties.administratorLoginPassword");
        String rawVersion = Bodies.text(p, "version", "properties.version");
        String version = rawVersion == null ? null : version(rawVersion);
        String tls = tls(Bodies.text(p, "minimalTlsVersion", "properties.minimalTlsVersion"));
        String access = publicNetworkAccess(Bodies.text(p, "publicNetworkAccess", "properties.publicNetworkAccess"));
        SqlServer existing = Jdbc.run(dataSource, c -> {
            Lookups.group(c, caller.subscription(), group, true);
            return Lookups.server(c, caller.subscription(), group, name);
        });
        checkUnchanged(existing, location, login, password);
        ArmInput input = new ArmInput(existing.subscriptionId(), existing.resourceGroup(), existing.name(), null,
                null, tags == null ? null : sorted(Tags.withoutFault(tags)), fault, null, version, tls, access,
                null, null, null, null, null);
        return startUpdate(caller, existing, input);
    }

    /** DELETE: starts deleting the server with its databases; empty when there is no such server (204). */
    public Optional<StartedOperation> delete(Caller caller, String group, String name) {
        Optional<SqlServer> server = Jdbc.run(dataSource, c -> {
            ResourceGroup g = Lookups.group(c, caller.subscription(), group, false);
            return SqlServerTable.find(c, caller.subscription(), g.name(), name);
        });
        if (server.isEmpty()) {
            return Optional.empty();
        }
        SqlServer s = server.get();
        ArmInput input = ArmInput.target(s.subscriptionId(), s.resourceGroup(), s.name(), null);
        try {
            return Optional.of(start(caller, s, input, OperationKinds.SERVER_DELETE, tx -> {
                if (Jdbc.update(tx, "UPDATE emu_sql_server SET provisioning_state = ? WHERE name_key = ?"
                                + " AND provisioning_state NOT IN (?, ?, ?)", States.DELETING,
                        s.name().toLowerCase(Locale.ROOT), States.CREATING, States.UPDATING, States.DELETING) != 1) {
                    throw Errors.conflictingServerOperation(s.name());
                }
            }));
        } catch (ResourceBusyException e) {
            Operation running = submitter.holder(e)
                    .filter(op -> OperationKinds.SERVER_DELETE.equals(op.kind()))
                    .orElseThrow(() -> Errors.conflictingServerOperation(s.name()));
            return Optional.of(new StartedOperation(running, OperationKinds.SQL_NAMESPACE, s.location()));
        }
    }

    /** The server, or {@code 404 ResourceGroupNotFound} / {@code 404 ResourceNotFound}. */
    public SqlServer get(String subscription, String group, String name) {
        return Jdbc.run(dataSource, c -> Lookups.server(c, subscription, group, name));
    }

    public List<SqlServer> listByResourceGroup(String subscription, String group) {
        return Jdbc.run(dataSource, c -> {
            ResourceGroup g = Lookups.group(c, subscription, group, false);
            return SqlServerTable.listByGroup(c, subscription, g.name());
        });
    }

    public List<SqlServer> listBySubscription(String subscription) {
        return Jdbc.run(dataSource, c -> SqlServerTable.listBySubscription(c, subscription));
    }

    private StartedOperation startUpdate(Caller caller, SqlServer existing, ArmInput input) {
        try {
            return start(caller, existing, input, OperationKinds.SERVER_WRITE, tx -> {
                if (Jdbc.update(tx, "UPDATE emu_sql_server SET provisioning_state = ? WHERE name_key = ?"
                                + " AND provisioning_state NOT IN (?, ?, ?)", States.UPDATING,
                        existing.name().toLowerCase(Locale.ROOT), States.CREATING, States.UPDATING, States.DELETING) != 1) {
                    throw Errors.conflictingServerOperation(existing.name());
                }
            });
        } catch (ResourceBusyException e) {
            throw Errors.conflictingServerOperation(existing.name());
        }
    }

    private StartedOperation start(Caller caller, SqlServer server, ArmInput input,
                                   io.asyncops.engine.TransactionalWork work) {
        try {
            return start(caller, server, input, OperationKinds.SERVER_WRITE, work);
        } catch (ResourceBusyException e) {
            throw Errors.conflictingServerOperation(server.name());
        }
    }

    private StartedOperation start(Caller caller, SqlServer server, ArmInput input, String kind,
                                   io.asyncops.engine.TransactionalWork work) {
        Operation op = submitter.submit(caller, kind, server.id(), input, work);
        return new StartedOperation(op, OperationKinds.SQL_NAMESPACE, server.location());
    }

    private static boolean sameGroup(SqlServer server, ResourceGroup group) {
        return server.subscriptionId().equalsIgnoreCase(group.subscriptionId())
                && server.resourceGroup().equalsIgnoreCase(group.name());
    }

    /** Server names are global: taken in another subscription (400) or in another group of this one (409). */
    private static EmulatorException nameTaken(Caller caller, SqlServer other) {
        if (!other.subscriptionId().equalsIgnoreCase(caller.subscription())) {
            return new EmulatorException(400, "NameAlreadyExists", "The name '" + other.fullyQualifiedDomainName()
                    + "' already exists. Choose a different name.", "serverName");
        }
        return new EmulatorException(409, "ServerAlreadyExists", "The server name '" + other.name() + "' is"
                + " already used by a server in resource group '" + other.resourceGroup() + "'. Duplicate server"
                + " names are not allowed.", "serverName");
    }

    /** What an existing server cannot change: its location and its administrator login. */
    private static void checkUnchanged(SqlServer existing, String location, String login, String password) {
        if (location != null && !location.equals(existing.location())) {
            throw new EmulatorException(409, "InvalidResourceLocation", "The resource '" + existing.name()
                    + "' already exists in location '" + existing.location() + "' in resource group '"
                    + existing.resourceGroup() + "'. A resource with the same name cannot be created in location '"
                    + location + "'. Please select a new resource name.", "location");
        }
        if (login != null && !login.equalsIgnoreCase(existing.administratorLogin())) {
            throw Errors.invalidValue("administratorLogin", "The administrator login of a server cannot be changed"
                    + " once the server is created (it is '" + existing.administratorLogin() + "').");
        }
        if (password != null) {
            NameRules.password(password, existing.administratorLogin());
        }
    }

    private static String version(String version) {
        if (version == null) {
            return "12.0";
        }
        if (!"12.0".equals(version)) {
            throw new EmulatorException(400, "RegionDoesNotSupportVersion", "Server version '" + version
                    + "' is not supported in this location; use '12.0'.", "properties.version");
        }
        return version;
    }

    private static String tls(String tls) {
        if (tls != null && !TLS_VERSIONS.contains(tls)) {
            throw Errors.invalidValue("minimalTlsVersion", "'" + tls + "' is not one of 1.0, 1.1, 1.2, 1.3, None.");
        }
        return tls;
    }

    private static String publicNetworkAccess(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "enabled" -> "Enabled";
            case "disabled" -> "Disabled";
            default -> throw Errors.invalidValue("publicNetworkAccess", "'" + value + "' is not Enabled or Disabled.");
        };
    }

    private static SortedMap<String, String> sorted(Map<String, String> tags) {
        return new TreeMap<>(tags);
    }
}

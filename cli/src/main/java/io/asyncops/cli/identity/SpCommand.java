package io.asyncops.cli.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.asyncops.protocol.Json;
import io.asyncops.server.identity.NewServicePrincipal;
import io.asyncops.server.identity.ServicePrincipal;
import io.asyncops.server.identity.ServicePrincipals;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asyncops sp create|list|delete}: the service principals of the identity endpoint, what
 * {@code az login --service-principal} signs in as. Works on the data dir's H2 database (also while a server runs on
 * it) or on a PostgreSQL database ({@code --db}).
 */
@Command(name = "sp", mixinStandardHelpOptions = true,
        description = "Manage the service principals that sign in at the identity endpoint (az login --service-principal).",
        subcommands = {SpCommand.Create.class, SpCommand.ListPrincipals.class, SpCommand.Delete.class})
public final class SpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code sp create}: prints {@code {"appId","displayName","password","tenant","subscriptions"}}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a service principal that sees the given subscriptions; print its appId, password "
                    + "and tenant as JSON (the shape 'az ad sp create-for-rbac' prints).",
                    "The password is shown once: the database keeps only a hash of it."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--subscription", required = true, paramLabel = "<id>",
                description = "A subscription the principal sees (repeat for more).")
        List<String> subscriptions;

        @Option(names = "--name", paramLabel = "<display-name>", description = "A name for people (default: generated).")
        String name;

        @Override
        public Integer call() {
            try (ServicePrincipals principals = open(database)) {
                NewServicePrincipal sp = principals.create(name, subscriptions);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("appId", sp.appId());
                out.put("displayName", sp.principal().displayName());
                out.put("password", sp.password());
                out.put("tenant", sp.tenant());
                out.put("subscriptions", sp.principal().subscriptions());
                print(spec, out);
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("asyncops sp create: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code sp list}: the principals as a JSON array (never a secret). */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the service principals as JSON.")
    static final class ListPrincipals implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            try (ServicePrincipals principals = open(database)) {
                List<Map<String, Object>> out = principals.list().stream().map(ListPrincipals::json).toList();
                print(spec, out);
                return 0;
            }
        }

        private static Map<String, Object> json(ServicePrincipal p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("appId", p.appId());
            m.put("displayName", p.displayName());
            m.put("subscriptions", p.subscriptions());
            m.put("createdAt", p.createdAt().toString());
            return m;
        }
    }

    /** {@code sp delete --id <appId>}: exit 0 when deleted, 1 when there is no such principal. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a service principal. Tokens it already holds stay valid until they expire (1 hour)."})
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--id", required = true, paramLabel = "<appId>", description = "The principal's appId.")
        String appId;

        @Override
        public Integer call() {
            try (ServicePrincipals principals = open(database)) {
                if (principals.delete(appId)) {
                    return 0;
                }
                spec.commandLine().getErr().println("asyncops sp delete: no service principal has the appId " + appId);
                return 1;
            }
        }
    }

    static ServicePrincipals open(DatabaseOptions options) {
        return options.db != null ? ServicePrincipals.forDatabase(options.db, options.dbUser, options.password())
                : ServicePrincipals.forDataDir(options.dataDir);
    }

    /** Prints {@code value} as indented JSON the way {@code az} does ({@code "key": value}). */
    private static void print(CommandSpec spec, Object value) {
        PrintWriter out = spec.commandLine().getOut();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            out.println(Json.mapper().writer(pretty).writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}

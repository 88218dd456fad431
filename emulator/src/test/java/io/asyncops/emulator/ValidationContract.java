package io.asyncops.emulator;

import static io.asyncops.emulator.CoreFixture.group;
import static io.asyncops.emulator.CoreFixture.refused;
import static io.asyncops.emulator.CoreFixture.uuid8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Synchronous validation of the built-in types through the provider core, on a real database: each refusal
 * carries Azure's status and code and stores nothing.
 */
abstract class ValidationContract {
    CoreFixture f;
    String sub;
    Caller caller;

    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        f = CoreFixture.start(dataSource(), 1.0);
        sub = UUID.randomUUID().toString();
        caller = Caller.of(sub);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    void createGroup(String name) {
        f.putNow(f.groups, CoreFixture.group(sub, name), "{'location':'westus'}", caller);
    }

    java.util.List<String> groups(String subscription) {
        return f.names(f.groups, 0, java.util.Map.of("subscriptionId", subscription));
    }

    @Test
    void migrationIsRepeatable() {
        ProviderCore.migrate(f.dataSource);
        assertThat(groups(sub)).isEmpty();
    }

    @Test
    void resourceGroupIsCreatedThenUpdatedAndFoundWithoutCase() {
        Answer.Done created = f.putNow(f.groups, group(sub, "My-Group"),
                "{'location':'West US','tags':{'env':'dev'}}", caller);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.resource().location()).isEqualTo("westus");
        assertThat(created.body().path("location").asText()).isEqualTo("westus");

        Answer.Done updated = f.putNow(f.groups, group(sub, "my-group"), "{'location':'westus','tags':{'env':'prod'}}",
                caller);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.resource().name()).isEqualTo("My-Group");
        assertThat(updated.resource().etag()).isNotEqualTo(created.resource().etag());

        JsonNode read = f.get(f.groups, group(sub.toUpperCase(), "MY-GROUP"));
        assertThat(read.at("/tags/env").asText()).isEqualTo("prod");
        assertThat(read.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(read.get("id").asText()).isEqualTo("/subscriptions/" + sub + "/resourceGroups/My-Group");
        assertThat(groups(sub)).containsExactly("My-Group");
        assertThat(groups(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void resourceGroupRefusals() {
        refused(() -> f.put(f.groups, group(sub, "bad/name"), "{'location':'westus'}", caller),
                400, "InvalidResourceGroupName");
        refused(() -> f.put(f.groups, group(sub, "ends."), "{'location':'westus'}", caller),
                400, "InvalidResourceGroupName");
        refused(() -> f.put(f.groups, group(sub, "rg"), "{'location':'atlantis'}", caller),
                400, "LocationNotAvailableForResourceGroup").hasMessageContaining("atlantis");
        refused(() -> f.put(f.groups, group(sub, "rg"), "{}", caller), 400, "LocationRequired");
        refused(() -> f.put(f.groups, group(sub, "rg"), "{'location':3}", caller), 400, "InvalidRequestContent");
        refused(() -> f.put(f.groups, group(sub, "rg"), "{'location':'westus','tags':{'a':1}}", caller),
                400, "InvalidRequestContent");
        refused(() -> f.put(f.groups, group(sub, "rg"), "{'location':'westus','tags':{'a<b':'x'}}", caller),
                400, "InvalidTagNameCharacters");
        refused(() -> f.put(f.groups, group(sub, "rg"), "[1]", caller), 400, "InvalidRequestContent");
        StringBuilder many = new StringBuilder("{'location':'westus','tags':{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("'t").append(i).append("':'").append("v".repeat(256)).append("'");
        }
        refused(() -> f.put(f.groups, group(sub, "rg"), many + "}}", caller), 400, "InvalidTagCount");
        assertThat(groups(sub)).isEmpty();

        createGroup("rg");
        refused(() -> f.put(f.groups, group(sub, "rg"), "{'location':'eastus'}", caller),
                409, "InvalidResourceGroupLocation").hasMessageContaining("westus");
        refused(() -> f.core.get(f.groups, group(sub, "nope")), 404, "ResourceGroupNotFound");
        refused(() -> f.delete(f.groups, group(sub, "nope"), caller), 404, "ResourceGroupNotFound");
    }

    @Test
    void serverRefusals() {
        String body = "{'location':'westus','properties':{'administratorLogin':'dbowner',"
                + "'administratorLoginPassword':'Str0ng!Passw0rd'}}";
        refused(() -> f.put(f.servers, CoreFixture.server(sub, "missing", "srv-" + uuid8()), body, caller),
                404, "ResourceGroupNotFound");
        createGroup("rg");
        refused(() -> f.put(f.servers, srv("Upper"), body, caller), 400, "InvalidServerName");
        refused(() -> f.put(f.servers, srv("-dash"), body, caller), 400, "InvalidServerName");
        refused(() -> f.put(f.servers, srv("a".repeat(64)), body, caller), 400, "InvalidServerName");
        String name = "srv-" + uuid8();
        refused(() -> f.put(f.servers, srv(name), body.replace("westus", "mars"), caller),
                400, "LocationNotAvailableForResourceType").hasMessageContaining("Microsoft.Sql/servers");
        refused(() -> f.put(f.servers, srv(name), "{'properties':{}}", caller), 400, "LocationRequired");
        refused(() -> f.put(f.servers, srv(name),
                "{'location':'westus','properties':{'administratorLoginPassword':'Str0ng!Passw0rd'}}", caller),
                400, "InvalidParameterValue").hasMessageContaining("Login");
        refused(() -> f.put(f.servers, srv(name), "{'location':'westus','properties':{'administratorLogin':'dbowner'}}",
                caller), 400, "InvalidParameterValue").hasMessageContaining("Password");
        refused(() -> f.put(f.servers, srv(name), body.replace("dbowner", "sa"), caller), 400, "InvalidLoginName");
        refused(() -> f.put(f.servers, srv(name), body.replace("dbowner", "Admin"), caller), 400, "InvalidLoginName");
        refused(() -> f.put(f.servers, srv(name), body.replace("dbowner", "1abc"), caller), 400, "InvalidLoginName");
        refused(() -> f.put(f.servers, srv(name), body.replace("Str0ng!Passw0rd", "Sh0rt!"), caller),
                400, "PasswordTooShort");
        refused(() -> f.put(f.servers, srv(name), body.replace("Str0ng!Passw0rd", "A1!" + "x".repeat(130)), caller),
                400, "PasswordTooLong");
        refused(() -> f.put(f.servers, srv(name), body.replace("Str0ng!Passw0rd", "alllowercase1"), caller),
                400, "PasswordNotComplex");
        refused(() -> f.put(f.servers, srv(name), body.replace("Str0ng!Passw0rd", "Xdbowner!99"), caller),
                400, "PasswordNotComplex").hasMessageContaining("login");
        refused(() -> f.put(f.servers, srv(name),
                body.replace("'administratorLogin'", "'version':'2.0','administratorLogin'"), caller),
                400, "RegionDoesNotSupportVersion");
        refused(() -> f.put(f.servers, srv(name),
                body.replace("'administratorLogin'", "'minimalTlsVersion':'0.9','administratorLogin'"), caller),
                400, "InvalidParameterValue");
        refused(() -> f.put(f.servers, srv(name),
                body.replace("'location'", "'tags':{'asyncops-fault':'not a code'},'location'"), caller),
                400, "InvalidParameterValue");
        refused(() -> f.put(f.servers, srv(name), "{'location':'westus','properties':[]}", caller),
                400, "InvalidRequestContent");
        refused(() -> f.patch(f.servers, srv(name), "{'tags':{}}", caller), 404, "ResourceNotFound");
        refused(() -> f.core.get(f.servers, srv(name)), 404, "ResourceNotFound");
        refused(() -> f.core.get(f.servers, CoreFixture.server(sub, "nope", name)), 404, "ResourceGroupNotFound");
        assertThat(f.delete(f.servers, srv(name), caller)).isEqualTo(new Answer.Done(204, null, null));
        assertThat(f.names(f.servers, 0, group(sub, "rg"))).isEmpty();
        assertThat(f.names(f.servers, 1, java.util.Map.of("subscriptionId", sub))).isEmpty();
    }

    @Test
    void databaseAndFirewallRefusalsWithoutTheirServer() {
        createGroup("rg");
        refused(() -> f.put(f.databases, db("nosrv", "db"), "{'location':'westus'}", caller),
                404, "ParentResourceNotFound");
        refused(() -> f.put(f.databases, db("nosrv", "master"), "{'location':'westus'}", caller),
                400, "CannotUseReservedDatabaseName");
        refused(() -> f.put(f.databases, db("nosrv", "db "), "{'location':'westus'}", caller),
                400, "CannotUseTrailingWhitespacesInDatabaseName");
        refused(() -> f.put(f.databases, db("nosrv", "a/b"), "{'location':'westus'}", caller),
                400, "InvalidParameterValue");
        refused(() -> f.put(f.databases, db("nosrv", "db"), "{'location':'westus','sku':{'name':'S99'}}", caller),
                400, "InvalidSku");
        refused(() -> f.put(f.databases, db("nosrv", "db"), "{'location':'westus','sku':{'name':'S0','tier':'Premium'}}",
                caller), 400, "InvalidTierSkuCombination");
        refused(() -> f.put(f.databases, db("nosrv", "db"), "{'location':'westus','properties':{'maxSizeBytes':-5}}",
                caller), 400, "InvalidParameterValue");
        refused(() -> f.put(f.databases, db("nosrv", "db"),
                "{'location':'westus','sku':{'name':'GP_Gen5','capacity':99999999999}}", caller),
                400, "InvalidParameterValue");
        refused(() -> f.put(f.databases, db("nosrv", "db"),
                "{'location':'westus','properties':{'maxSizeBytes':123456789012345678901234567890}}", caller),
                400, "InvalidRequestContent");
        refused(() -> f.put(f.databases, db("nosrv", "db"), "{'location':'westus','properties':{'maxSizeBytes':'lots'}}",
                caller), 400, "InvalidParameterValue");
        refused(() -> f.put(f.databases, db("nosrv", "db"),
                "{'location':'westus','properties':{'collation':'bad collation!'}}", caller), 400, "InvalidCollation");
        refused(() -> f.put(f.databases, db("nosrv", "db"), "{'location':'westus','properties':{'createMode':'Copy'}}",
                caller), 400, "InvalidParameterValue");
        refused(() -> f.core.get(f.databases, db("nosrv", "db")), 404, "ParentResourceNotFound");
        refused(() -> export("nosrv", "{'storageKeyType':'StorageAccessKey'}"), 400, "MissingRequiredParameter");
        refused(() -> export("nosrv", "{'storageKeyType':'Magic','storageKey':'k','storageUri':"
                + "'https://a.blob.core.windows.net/c/db.bacpac','administratorLogin':'x','administratorLoginPassword':'y'}"),
                400, "InvalidParameterValue");
        refused(() -> export("nosrv", "{'storageKeyType':'StorageAccessKey','storageKey':'k','storageUri':"
                + "'ftp://somewhere/db.bacpac','administratorLogin':'x','administratorLoginPassword':'y'}"),
                400, "InvalidParameterValue");

        String rule = "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}";
        refused(() -> f.put(f.firewallRules, rule("nosrv", "AllowAllWindowsAzureIps"), rule, caller),
                404, "ParentResourceNotFound");
        refused(() -> f.put(f.firewallRules, rule("nosrv", "r"),
                "{'properties':{'startIpAddress':'1.2.3','endIpAddress':'1.2.3.4'}}", caller),
                400, "FirewallRuleNotIPv4Address");
        refused(() -> f.put(f.firewallRules, rule("nosrv", "r"),
                "{'properties':{'startIpAddress':'10.0.0.9','endIpAddress':'10.0.0.1'}}", caller),
                400, "FirewallRuleInvalidRange");
        refused(() -> f.put(f.firewallRules, rule("nosrv", "r".repeat(129)), rule, caller),
                400, "FirewallRuleNameTooLong");
        refused(() -> f.put(f.firewallRules, rule("nosrv", "r"), "{'properties':{}}", caller),
                400, "InvalidServerFirewallRuleResourceParameters");
    }

    private java.util.Map<String, String> srv(String name) {
        return CoreFixture.server(sub, "rg", name);
    }

    private java.util.Map<String, String> db(String server, String name) {
        return CoreFixture.database(sub, "rg", server, name);
    }

    private java.util.Map<String, String> rule(String server, String name) {
        return CoreFixture.rule(sub, "rg", server, name);
    }

    private void export(String server, String body) {
        f.core.action(f.databases, "export", db(server, "db"), CoreFixture.json(body), caller);
    }
}

package io.asyncops.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Synchronous validation of the emulated providers, on a real database: each refusal carries Azure's status and
 * code and stores nothing. No engine is attached, so a request that passed validation would fail loudly instead.
 */
abstract class ValidationContract {
    ArmEmulator arm;
    String sub;
    Caller caller;

    abstract DataSource dataSource();

    @BeforeEach
    void setUp() {
        arm = ArmEmulator.create(dataSource(), EmulatorSettings.defaults());
        arm.migrate();
        sub = UUID.randomUUID().toString();
        caller = Caller.of(sub);
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refused(Runnable call, int status, String code) {
        return assertThatThrownBy(call::run).isInstanceOfSatisfying(EmulatorException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    void group(String name) {
        arm.resourceGroups().createOrUpdate(caller, name, json("{'location':'westus'}"));
    }

    @Test
    void migrationIsRepeatable() {
        arm.migrate();
        assertThat(arm.resourceGroups().list(sub)).isEmpty();
    }

    @Test
    void resourceGroupIsCreatedThenUpdatedAndFoundWithoutCase() {
        PutResult<ResourceGroup> created = arm.resourceGroups().createOrUpdate(caller, "My-Group",
                json("{'location':'West US','tags':{'env':'dev'}}"));
        assertThat(created.httpStatus()).isEqualTo(201);
        assertThat(created.resource().location()).isEqualTo("westus");

        PutResult<ResourceGroup> updated = arm.resourceGroups().createOrUpdate(caller, "my-group",
                json("{'location':'westus','tags':{'env':'prod'}}"));
        assertThat(updated.httpStatus()).isEqualTo(200);
        assertThat(updated.resource().name()).isEqualTo("My-Group");

        ResourceGroup read = arm.resourceGroups().get(sub.toUpperCase(), "MY-GROUP");
        assertThat(read.tags()).containsEntry("env", "prod");
        assertThat(read.toJson().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(read.toJson().get("id").asText()).isEqualTo("/subscriptions/" + sub + "/resourceGroups/My-Group");
        assertThat(arm.resourceGroups().list(sub)).extracting(ResourceGroup::name).containsExactly("My-Group");
        assertThat(arm.resourceGroups().list(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void resourceGroupRefusals() {
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "bad/name", json("{'location':'westus'}")),
                400, "InvalidResourceGroupName");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "ends.", json("{'location':'westus'}")),
                400, "InvalidResourceGroupName");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':'atlantis'}")),
                400, "LocationNotAvailableForResourceGroup").hasMessageContaining("atlantis");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("{}")), 400, "LocationRequired");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':3}")),
                400, "InvalidRequestContent");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':'westus','tags':{'a':1}}")),
                400, "InvalidRequestContent");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':'westus','tags':{'a<b':'x'}}")),
                400, "InvalidTagNameCharacters");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("[1]")), 400, "InvalidRequestContent");
        StringBuilder many = new StringBuilder("{'location':'westus','tags':{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("'t").append(i).append("':'").append("v".repeat(256)).append("'");
        }
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json(many + "}}")), 400, "InvalidTagCount");
        assertThat(arm.resourceGroups().list(sub)).isEmpty();

        group("rg");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':'eastus'}")),
                409, "InvalidResourceGroupLocation").hasMessageContaining("westus");
        refused(() -> arm.resourceGroups().get(sub, "nope"), 404, "ResourceGroupNotFound");
        refused(() -> arm.resourceGroups().delete(caller, "nope"), 404, "ResourceGroupNotFound");
    }

    @Test
    void serverRefusals() {
        String body = "{'location':'westus','properties':{'administratorLogin':'dbowner','administratorLoginPassword':'Str0ng!Passw0rd'}}";
        refused(() -> arm.sqlServers().createOrUpdate(caller, "missing", "srv-" + uuid8(), json(body)),
                404, "ResourceGroupNotFound");
        group("rg");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", "Upper", json(body)), 400, "InvalidServerName");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", "-dash", json(body)), 400, "InvalidServerName");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", "a".repeat(64), json(body)), 400, "InvalidServerName");
        String name = "srv-" + uuid8();
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(body.replace("westus", "mars"))),
                400, "LocationNotAvailableForResourceType").hasMessageContaining("Microsoft.Sql/servers");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json("{'properties':{}}")),
                400, "LocationRequired");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name,
                json("{'location':'westus','properties':{'administratorLoginPassword':'Str0ng!Passw0rd'}}")),
                400, "InvalidParameterValue").hasMessageContaining("Login");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name,
                json("{'location':'westus','properties':{'administratorLogin':'dbowner'}}")),
                400, "InvalidParameterValue").hasMessageContaining("Password");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(body.replace("dbowner", "sa"))),
                400, "InvalidLoginName");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(body.replace("dbowner", "Admin"))),
                400, "InvalidLoginName");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(body.replace("dbowner", "1abc"))),
                400, "InvalidLoginName");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(body.replace("Str0ng!Passw0rd", "Sh0rt!"))),
                400, "PasswordTooShort");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name,
                json(body.replace("Str0ng!Passw0rd", "A1!" + "x".repeat(130)))), 400, "PasswordTooLong");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(body.replace("Str0ng!Passw0rd", "alllowercase1"))),
                400, "PasswordNotComplex");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(body.replace("Str0ng!Passw0rd", "Xdbowner!99"))),
                400, "PasswordNotComplex").hasMessageContaining("login");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name,
                json(body.replace("'administratorLogin'", "'version':'2.0','administratorLogin'"))),
                400, "RegionDoesNotSupportVersion");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name,
                json(body.replace("'administratorLogin'", "'minimalTlsVersion':'0.9','administratorLogin'"))),
                400, "InvalidParameterValue");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name,
                json(body.replace("'location'", "'tags':{'asyncops-fault':'not a code'},'location'"))),
                400, "InvalidParameterValue");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json("{'location':'westus','properties':[]}")),
                400, "InvalidRequestContent");
        refused(() -> arm.sqlServers().update(caller, "rg", name, json("{'tags':{}}")), 404, "ResourceNotFound");
        refused(() -> arm.sqlServers().get(sub, "rg", name), 404, "ResourceNotFound");
        refused(() -> arm.sqlServers().get(sub, "nope", name), 404, "ResourceGroupNotFound");
        assertThat(arm.sqlServers().delete(caller, "rg", name)).isEmpty();
        assertThat(arm.sqlServers().listByResourceGroup(sub, "rg")).isEmpty();
        assertThat(arm.sqlServers().listBySubscription(sub)).isEmpty();
    }

    @Test
    void databaseAndFirewallRefusalsWithoutTheirServer() {
        group("rg");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db", json("{'location':'westus'}")),
                404, "ParentResourceNotFound");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "master", json("{'location':'westus'}")),
                400, "CannotUseReservedDatabaseName");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db ", json("{'location':'westus'}")),
                400, "CannotUseTrailingWhitespacesInDatabaseName");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "a/b", json("{'location':'westus'}")),
                400, "InvalidParameterValue");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','sku':{'name':'S99'}}")), 400, "InvalidSku");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','sku':{'name':'S0','tier':'Premium'}}")), 400, "InvalidTierSkuCombination");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','properties':{'maxSizeBytes':-5}}")), 400, "InvalidParameterValue");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','sku':{'name':'GP_Gen5','capacity':99999999999}}")), 400, "InvalidParameterValue");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','properties':{'maxSizeBytes':123456789012345678901234567890}}")),
                400, "InvalidRequestContent");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','properties':{'maxSizeBytes':'lots'}}")), 400, "InvalidParameterValue");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','properties':{'collation':'bad collation!'}}")), 400, "InvalidCollation");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", "nosrv", "db",
                json("{'location':'westus','properties':{'createMode':'Copy'}}")), 400, "InvalidParameterValue");
        refused(() -> arm.sqlDatabases().get(sub, "rg", "nosrv", "db"), 404, "ParentResourceNotFound");
        refused(() -> arm.sqlDatabases().export(caller, "rg", "nosrv", "db", json("{'storageKeyType':'StorageAccessKey'}")),
                400, "MissingRequiredParameter");
        refused(() -> arm.sqlDatabases().export(caller, "rg", "nosrv", "db", json("{'storageKeyType':'Magic','storageKey':'k',"
                + "'storageUri':'https://a.blob.core.windows.net/c/db.bacpac','administratorLogin':'x','administratorLoginPassword':'y'}")),
                400, "InvalidParameterValue");
        refused(() -> arm.sqlDatabases().export(caller, "rg", "nosrv", "db", json("{'storageKeyType':'StorageAccessKey','storageKey':'k',"
                + "'storageUri':'ftp://somewhere/db.bacpac','administratorLogin':'x','administratorLoginPassword':'y'}")),
                400, "InvalidParameterValue");

        String rule = "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}";
        refused(() -> arm.firewallRules().createOrUpdate(caller, "rg", "nosrv", "AllowAllWindowsAzureIps", json(rule)),
                404, "ParentResourceNotFound");
        refused(() -> arm.firewallRules().createOrUpdate(caller, "rg", "nosrv", "r",
                json("{'properties':{'startIpAddress':'1.2.3','endIpAddress':'1.2.3.4'}}")), 400, "FirewallRuleNotIPv4Address");
        refused(() -> arm.firewallRules().createOrUpdate(caller, "rg", "nosrv", "r",
                json("{'properties':{'startIpAddress':'10.0.0.9','endIpAddress':'10.0.0.1'}}")), 400, "FirewallRuleInvalidRange");
        refused(() -> arm.firewallRules().createOrUpdate(caller, "rg", "nosrv", "r".repeat(129), json(rule)),
                400, "FirewallRuleNameTooLong");
        refused(() -> arm.firewallRules().createOrUpdate(caller, "rg", "nosrv", "r", json("{'properties':{}}")),
                400, "InvalidServerFirewallRuleResourceParameters");
    }

    static String uuid8() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package io.asyncops.server.arm;

import static io.asyncops.server.arm.ArmServer.SUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.fluent.models.ServerInner;
import com.azure.resourcemanager.sql.models.SqlDatabase;
import com.azure.resourcemanager.sql.models.SqlFirewallRule;
import com.azure.resourcemanager.sql.models.SqlServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The official Azure SDK for Java against the emulator over HTTPS: its fluent SQL client creates a resource group,
 * a server (which the SDK follows with the firewall rule AllowAllWindowsAzureIps) and a database, reads them back
 * and deletes them; and azure-core-management's own poller follows a raw {@code 202}.
 */
class AzureSdkTest {
    @TempDir
    static Path data;
    static ArmServer arm;

    @BeforeAll
    static void start() {
        arm = ArmServer.start(data);
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    /** Azure pointed at the emulator: the resource manager endpoint is the server's HTTPS URL. */
    static AzureProfile profile() {
        String base = arm.base() + "/";
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", base);
        endpoints.put("managementEndpointUrl", base);
        endpoints.put("activeDirectoryResourceId", base);
        AzureEnvironment emulator = new AzureEnvironment(endpoints);
        return new AzureProfile(UUID.randomUUID().toString(), SUB, emulator);
    }

    /** A credential that hands out a dev token minted with the server's install secret. */
    static TokenCredential credential() {
        return request -> Mono.just(new AccessToken(arm.token(), OffsetDateTime.now().plusHours(1)));
    }

    static HttpClient httpClient() {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(arm.trust())).build();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theFluentSqlClientCreatesReadsAndDeletes() {
        SqlServerManager sql = SqlServerManager.configure().withHttpClient(httpClient())
                .authenticate(credential(), profile());
        String rg = unique("sdk-rg");
        String name = unique("sdk-sql");

        SqlServer server = sql.sqlServers().define(name)
                .withRegion(Region.US_WEST)
                .withNewResourceGroup(rg)
                .withAdministratorLogin("sqladmin")
                .withAdministratorPassword("Str0ng!Passw0rd")
                .create();
        assertThat(server.name()).isEqualTo(name);
        assertThat(server.regionName()).isEqualTo("westus");
        assertThat(server.state()).isEqualTo("Ready");
        assertThat(server.fullyQualifiedDomainName()).isEqualTo(name + ".database.windows.net");
        assertThat(server.firewallRules().list()).extracting(SqlFirewallRule::name).contains("AllowAllWindowsAzureIps");

        SqlDatabase db = server.databases().define("appdb").create();
        assertThat(db.name()).isEqualTo("appdb");
        assertThat(db.status()).hasToString("Online");

        SqlServer read = sql.sqlServers().getByResourceGroup(rg, name);
        assertThat(read.administratorLogin()).isEqualTo("sqladmin");
        assertThat(read.databases().list()).extracting(SqlDatabase::name).containsExactly("appdb");
        assertThat(sql.sqlServers().listByResourceGroup(rg)).extracting(SqlServer::name).containsExactly(name);

        read.databases().delete("appdb");
        assertThat(read.databases().list()).isEmpty();
        sql.sqlServers().deleteById(read.id());
        assertThat(sql.sqlServers().listByResourceGroup(rg)).isEmpty();
        sql.resourceManager().resourceGroups().deleteByName(rg);
        assertThat(sql.resourceManager().resourceGroups().contain(rg)).isFalse();
    }

    @Test
    void theSdkSurfacesValidationErrorsAndFailedOperations() {
        SqlServerManager sql = SqlServerManager.configure().withHttpClient(httpClient())
                .authenticate(credential(), profile());
        String rg = unique("sdk-err");
        sql.resourceManager().resourceGroups().define(rg).withRegion(Region.US_WEST).create();
        assertThatThrownBy(() -> sql.sqlServers().define(unique("weak")).withRegion(Region.US_WEST)
                .withExistingResourceGroup(rg).withAdministratorLogin("sqladmin").withAdministratorPassword("weak")
                .create())
                .isInstanceOfSatisfying(ManagementException.class,
                        e -> assertThat(e.getValue().getCode()).isEqualTo("PasswordTooShort"));
        assertThatThrownBy(() -> sql.sqlServers().define(unique("fault")).withRegion(Region.US_WEST)
                .withExistingResourceGroup(rg).withAdministratorLogin("sqladmin")
                .withAdministratorPassword("Str0ng!Passw0rd").withTag("asyncops-fault", "ServerQuotaExceeded").create())
                .isInstanceOfSatisfying(ManagementException.class,
                        e -> assertThat(e.getValue().getCode()).isEqualTo("ServerQuotaExceeded"));
    }

    @Test
    void azureCoresOwnPollerFollowsARaw202() {
        String rg = unique("poll-rg");
        String name = unique("poll-sql");
        assertThat(arm.call("PUT", ArmServer.group(rg) + ArmServer.GROUPS, "{'location':'westus'}").statusCode())
                .isEqualTo(201);
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(httpClient())
                .policies(new AddHeadersPolicy(new HttpHeaders().set(HttpHeaderName.AUTHORIZATION,
                        "Bearer " + arm.token())))
                .build();

        SyncPoller<PollResult<ServerInner>, ServerInner> created = poller(pipeline, rg, name,
                "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                        + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}}");
        PollResponse<PollResult<ServerInner>> last = created.waitForCompletion(Duration.ofSeconds(60));
        assertThat(last.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        ServerInner result = created.getFinalResult();
        assertThat(result.name()).isEqualTo(name);
        assertThat(result.state()).isEqualTo("Ready");

        SyncPoller<PollResult<ServerInner>, ServerInner> faulted = poller(pipeline, rg, name,
                "{\"location\":\"westus\",\"tags\":{\"asyncops-fault\":\"OperationTimedOut\"},\"properties\":{}}");
        PollResponse<PollResult<ServerInner>> failed = faulted.waitForCompletion(Duration.ofSeconds(60));
        assertThat(failed.getStatus()).isEqualTo(LongRunningOperationStatus.FAILED);
        PollResult.Error error = failed.getValue().getError();
        assertThat(error.getResponseBody()).contains("\"code\":\"OperationTimedOut\"");
        assertThat(error.getResponseBody()).contains("asyncops-fault");
        assertThat(error.getResponseStatusCode()).isEqualTo(200);
    }

    private static SyncPoller<PollResult<ServerInner>, ServerInner> poller(HttpPipeline pipeline, String rg,
                                                                        String name, String body) {
        HttpRequest put = new HttpRequest(HttpMethod.PUT, arm.base() + ArmServer.server(rg, name) + ArmServer.SQL)
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
                .setBody(body);
        Mono<Response<Flux<ByteBuffer>>> activation = pipeline.send(put).map(r ->
                new SimpleResponse<>(r.getRequest(), r.getStatusCode(), r.getHeaders(), r.getBody()));
        return PollerFactory.<ServerInner, ServerInner>create(SerializerFactory.createDefaultManagementSerializerAdapter(),
                pipeline, ServerInner.class, ServerInner.class, Duration.ofMillis(100), activation).getSyncPoller();
    }
}

package io.asyncops.emulator.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "/subscriptions/s1/resourceGroups/rg/providers/Contoso.Widgets/widgets/w1";
    private final SpecType.Version widgets = TestSpecs.widgets().type(TestSpecs.WIDGETS).versions().get("2024-01-01");
    private final Schema widget = widgets.verb("GET").resultSchema();
    private final Seed seed = new Seed(ID, "w1", "Contoso.Widgets", "westus", Instant.parse("2026-01-02T03:04:05Z"),
            "Succeeded", 0);

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void defaultsAreTheReadOnlyMembersAProviderWouldSet() throws Exception {
        ObjectNode body = json("{'location':'westus','properties':{'color':'red'}}");
        Projection.fillDefaults(body, widget, seed);
        assertThat(body.at("/properties/color").asText()).isEqualTo("red");
        assertThat(body.at("/properties/createdOn").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(body.at("/properties/endpoints/primary").asText()).isEqualTo("https://w1.widgets.azure.net/");
        assertThat(body.at("/properties/parts").isArray()).isTrue();
        // the envelope and what the client may set are left alone
        assertThat(body.has("id")).isFalse();
        assertThat(body.at("/properties/shape").isMissingNode()).isTrue();
        assertThat(body.at("/properties/provisioningState").isMissingNode()).isTrue();
    }

    @Test
    void renderingKeepsWhatTheSchemaDeclaresHidesSecretsAndSpeaksTheSchemasStates() throws Exception {
        ObjectNode stored = json("{'id':'" + ID + "','name':'w1','type':'Contoso.Widgets/widgets','location':'westus',"
                + "'internal':{'x':1},'properties':{'adminPassword':'P@ss','color':'red','hidden':true}}");
        ObjectNode out = Projection.render(stored, widget, seed, "Updating");
        assertThat(out.has("internal")).isFalse();
        assertThat(out.at("/properties/hidden").isMissingNode()).isTrue();
        assertThat(out.at("/properties/adminPassword").isMissingNode()).isTrue();
        assertThat(out.at("/properties/color").asText()).isEqualTo("red");
        // the enum has Creating, Succeeded and Failed only: a running update shows as Creating
        assertThat(out.at("/properties/provisioningState").asText()).isEqualTo("Creating");
        assertThat(Projection.render(stored, widget, seed, "Succeeded").at("/properties/provisioningState").asText())
                .isEqualTo("Succeeded");
        assertThat(out.get("id").asText()).isEqualTo(ID);
    }

    @Test
    void requiredMembersTheBodyLacksAreGenerated() throws Exception {
        ObjectNode out = Projection.render(json("{'location':'westus','sku':{}}"), widget, seed, null);
        assertThat(out.at("/sku/name").asText()).isEqualTo("Basic");
    }

    @Test
    void actionResultsAreCompleteDeterministicAndValid() {
        Schema keys = widgets.actions().get("listkeys").resultSchema();
        JsonNode a = Plausible.value(keys, null, seed);
        JsonNode b = Plausible.value(keys, null, seed);
        assertThat(a).isEqualTo(b);
        assertThat(a.get("keys")).hasSize(2);
        assertThat(a.at("/keys/0/keyName").asText()).isEqualTo("key1");
        assertThat(a.at("/keys/1/keyName").asText()).isEqualTo("key2");
        assertThat(a.at("/keys/0/value").asText()).hasSize(88).isNotEqualTo(a.at("/keys/1/value").asText());
        assertThat(a.at("/keys/0/permissions").asText()).isEqualTo("Read");
        Seed regenerated = new Seed(ID, "w1", "Contoso.Widgets", "westus", seed.createdAt(), "Succeeded", 1);
        assertThat(Plausible.value(keys, null, regenerated).at("/keys/0/value"))
                .isNotEqualTo(a.at("/keys/0/value"));
        // what is generated passes the schema it came from
        assertThat(BodyValidator.check(a, keys, null, false)).isNotNull();
    }
}

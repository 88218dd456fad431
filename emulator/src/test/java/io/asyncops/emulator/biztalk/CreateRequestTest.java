package io.asyncops.emulator.biztalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.emulator.AzureException;
import io.asyncops.protocol.classic.BizTalkResource;
import io.asyncops.protocol.classic.BizTalkResource.KeyValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateRequestTest {

    private static BizTalkResource body(String plan, String edition, String region, List<KeyValue> tags) {
        return BizTalkResource.request("mybiztalkservice", plan, edition, region, tags);
    }

    private static void refused(BizTalkResource body, String code, String messagePart) {
        assertThatThrownBy(() -> CreateRequest.validate("mybiztalkservice", body))
                .isInstanceOfSatisfying(AzureException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(code);
                })
                .hasMessageContaining(messagePart);
    }

    @Test
    void acceptsTheProtocolExample() {
        CreateRequest r = CreateRequest.validate("mybiztalkservice", body("Standard", "Standard", "West US",
                List.of(new KeyValue("asyncops-fault", "SomeErrorCode"), new KeyValue("env", "test"))));
        assertThat(r.edition()).isEqualTo(Edition.STANDARD);
        assertThat(r.region()).isEqualTo("West US");
        assertThat(r.fault()).isEqualTo("SomeErrorCode");
        assertThat(r.tags()).containsExactly(java.util.Map.entry("env", "test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Free", "Developer", "Basic", "Standard", "Premium", "premium", " BASIC "})
    void acceptsEveryEditionWithoutCase(String edition) {
        assertThat(CreateRequest.validate("mybiztalkservice", body(null, edition, "westus", null)).edition().wireName())
                .isEqualToIgnoringCase(edition.trim());
    }

    @Test
    void takesTheEditionFromThePlanAlone() {
        assertThat(CreateRequest.validate("mybiztalkservice", body("Developer", null, "West Europe", null)).edition())
                .isEqualTo(Edition.DEVELOPER);
    }

    @Test
    void normalizesRegions() {
        assertThat(CreateRequest.validate("mybiztalkservice", body("Basic", null, "northeurope", null)).region())
                .isEqualTo("North Europe");
        assertThat(CreateRequest.validate("mybiztalkservice", body("Basic", null, "east us 2", null)).region())
                .isEqualTo("East US 2");
    }

    @Test
    void refusesUnknownEditionsAndPlans() {
        refused(body("Gold", null, "West US", null), "InvalidEdition", "'Gold' is not one of");
        refused(body(null, "Enterprise", "West US", null), "InvalidEdition", "'Enterprise'");
        refused(body(null, null, "West US", null), "InvalidEdition", "is required");
        refused(body("", " ", "West US", null), "InvalidEdition", "is required");
    }

    @Test
    void refusesAPlanThatContradictsTheEdition() {
        refused(body("Basic", "Premium", "West US", null), "InvalidEdition", "must be the same");
    }

    @Test
    void refusesUnknownOrMissingRegions() {
        refused(body("Basic", null, "Mars North", null), "InvalidRegion", "not available in the region 'Mars North'");
        refused(body("Basic", null, null, null), "InvalidRegion", "is required");
    }

    @Test
    void refusesABodyForAnotherResource() {
        refused(new BizTalkResource("othername", "biztalk", "Basic", "1.0", null, null,
                new BizTalkResource.IntrinsicSettings(null, "West US"), null, null, null), "BadRequest",
                "does not match");
        refused(new BizTalkResource(null, "website", "Basic", "1.0", null, null,
                new BizTalkResource.IntrinsicSettings(null, "West US"), null, null, null), "BadRequest", "Type");
        refused(new BizTalkResource(null, null, "Basic", "2.0", null, null,
                new BizTalkResource.IntrinsicSettings(null, "West US"), null, null, null), "BadRequest",
                "SchemaVersion");
    }

    @Test
    void acceptsTheNameInAnotherCase() {
        BizTalkResource upper = new BizTalkResource("MyBizTalkService", null, "Basic", null, null, null,
                new BizTalkResource.IntrinsicSettings(null, "West US"), null, null, null);
        assertThat(CreateRequest.validate("mybiztalkservice", upper).edition()).isEqualTo(Edition.BASIC);
    }

    @Test
    void refusesBadTags() {
        refused(body("Basic", null, "West US", List.of(new KeyValue("", "x"))), "InvalidTag", "1 to 512");
        refused(body("Basic", null, "West US", List.of(new KeyValue("a/b", "x"))), "InvalidTag", "reserved");
        refused(body("Basic", null, "West US", List.of(new KeyValue("k", "v".repeat(257)))), "InvalidTag", "256");
        refused(body("Basic", null, "West US", List.of(new KeyValue("k", "1"), new KeyValue("K", "2"))),
                "InvalidTag", "twice");
        List<KeyValue> many = new ArrayList<>();
        for (int i = 0; i <= CreateRequest.MAX_TAGS; i++) {
            many.add(new KeyValue("t" + i, "v"));
        }
        refused(body("Basic", null, "West US", many), "InvalidTag", "at most 50");
    }

    @Test
    void refusesAFaultTagThatIsNotAnErrorCode() {
        refused(body("Basic", null, "West US", List.of(new KeyValue("asyncops-fault", "not a code"))), "InvalidTag",
                "must name an error code");
        refused(body("Basic", null, "West US", List.of(new KeyValue("ASYNCOPS-FAULT", ""))), "InvalidTag",
                "must name an error code");
    }
}

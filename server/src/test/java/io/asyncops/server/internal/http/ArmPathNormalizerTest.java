package io.asyncops.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArmPathNormalizerTest {
    private final ArmPathNormalizer normalizer = new ArmPathNormalizer(List.of("Microsoft.Sql", "servers",
            "databases", "export"));

    @Test
    void fixedSegmentsTakeTheirCanonicalSpelling() {
        assertThat(normalizer.normalize("/SUBSCRIPTIONS/Sub1/resourcegroups/MyRG/providers/microsoft.sql/SERVERS/Srv"
                + "/Databases/Db/EXPORT"))
                .isEqualTo("/subscriptions/Sub1/resourceGroups/MyRG/providers/Microsoft.Sql/servers/Srv/databases/Db"
                        + "/export");
        assertThat(normalizer.normalize("/subscriptions/s/providers/MICROSOFT.SQL/Locations/westus"
                + "/operationstatuses/ID/CANCEL"))
                .isEqualTo("/subscriptions/s/providers/Microsoft.Sql/locations/westus/operationStatuses/ID/cancel");
        assertThat(normalizer.normalize("/subscriptions/s/OPERATIONSTATUSES"))
                .isEqualTo("/subscriptions/s/operationStatuses");
    }

    @Test
    void namesKeepTheirCaseEvenWhenTheyLookLikeWords() {
        String path = "/subscriptions/Servers/resourceGroups/Providers/providers/Microsoft.Sql/servers/Databases";
        assertThat(normalizer.normalize(path)).isEqualTo(path);
        assertThat(normalizer.normalize("/subscriptions/s/resourcegroups/RESOURCEGROUPS"))
                .isEqualTo("/subscriptions/s/resourceGroups/RESOURCEGROUPS");
    }

    @Test
    void otherPathsAreUntouched() {
        assertThat(normalizer.normalize("/sub/cloudservices/CS/resources")).isEqualTo("/sub/cloudservices/CS/resources");
        assertThat(normalizer.normalize("/health/live")).isEqualTo("/health/live");
        assertThat(normalizer.normalize("/subscriptionsX/servers")).isEqualTo("/subscriptionsX/servers");
        assertThat(normalizer.normalize("/subscriptions/s/unknownWord/x")).isEqualTo("/subscriptions/s/unknownWord/x");
    }

    @Test
    void twoSpellingsOfOneWordAreAMistake() {
        assertThatThrownBy(() -> new ArmPathNormalizer(List.of("Servers", "servers")))
                .hasMessageContaining("two spellings");
    }
}

package io.asyncops.server.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.server.spi.ApiException;
import org.junit.jupiter.api.Test;

class ResourceFilterTest {
    @Test
    void parsesWhatAzSends() {
        assertThat(ResourceFilter.parse("resourceGroup eq 'rg1'").equals()).containsEntry("resourcegroup", "rg1");
        assertThat(ResourceFilter.parse("ResourceType EQ 'Microsoft.Sql/servers' AND name eq 'it''s'").equals())
                .containsEntry("resourcetype", "Microsoft.Sql/servers").containsEntry("name", "it's");
        assertThat(ResourceFilter.parse("name eq 'a and b'").equals()).containsEntry("name", "a and b");
        assertThat(ResourceFilter.parse(null).equals()).isEmpty();
    }

    @Test
    void refusesTheRest() {
        for (String bad : new String[] {"name eq 'a", "name eq 'a' and", "name ne 'a'", "x eq 'a'", "name eq 'a' b",
                "'a' eq name", "name eq 'a' and name eq 'b'", "x".repeat(3000)}) {
            assertThatThrownBy(() -> ResourceFilter.parse(bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageContaining("not supported");
        }
    }
}

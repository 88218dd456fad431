package io.asyncops.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlashFilterTest {
    @Test
    void runsOfSlashesBecomeOne() {
        assertThat(SlashFilter.collapse("//metadata/endpoints")).isEqualTo("/metadata/endpoints");
        assertThat(SlashFilter.collapse("/subscriptions///s//resourceGroups/rg/")).isEqualTo("/subscriptions/s/resourceGroups/rg/");
        assertThat(SlashFilter.collapse("/a/b")).isEqualTo("/a/b");
        assertThat(SlashFilter.collapse("/a%2F%2Fb")).isEqualTo("/a%2F%2Fb");
    }
}

package io.asyncops.server.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormBodyTest {
    @Test
    void decodesParametersAndRefusesRepeatsAndBadEncoding() {
        assertThat(FormBody.parse("grant_type=client_credentials&scope=https%3A%2F%2Fm%2F%2F.default&client_info=1&x"))
                .containsEntry("scope", "https://m//.default").containsEntry("client_info", "1").containsEntry("x", "");
        assertThatThrownBy(() -> FormBody.parse("a=1&a=2")).isInstanceOf(OAuthException.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> FormBody.parse("a=%zz")).isInstanceOf(OAuthException.class);
        assertThatThrownBy(() -> FormBody.parse(String.join("&",
                java.util.stream.IntStream.range(0, 40).mapToObj(i -> "k" + i + "=v").toList())))
                .isInstanceOf(OAuthException.class).hasMessageContaining("too many");
        assertThat(FormBody.printable("a\u0000b\u00e9" + "c".repeat(100))).hasSize(64).startsWith("a?b?");
    }
}

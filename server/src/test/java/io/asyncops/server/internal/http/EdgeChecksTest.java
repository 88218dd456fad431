package io.asyncops.server.internal.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.server.spi.ApiException;
import org.junit.jupiter.api.Test;

/** The path rules, segment by segment (the walk runs on every request, so it is checked on its own here). */
class EdgeChecksTest {
    private static final String SUB = "00000000-0000-0000-0000-000000000001";

    @Test
    void acceptsOrdinaryPaths() {
        for (String path : new String[] {"/", "", "/health/live", "/subscriptions/" + SUB + "/resourceGroups/rg/",
                "/subscriptions/" + SUB + "/providers/Microsoft.Sql/locations/westus/operationStatuses/x",
                "/subscriptions/" + SUB + "/resourceGroups/r%C3%A9sum%C3%A9", "/a//b", "/" + "n".repeat(260),
                "/" + SUB + "/cloudservices/cs", "/subscriptions/" + "s".repeat(64)}) {
            assertThatCode(() -> EdgeChecks.path(path)).as(path).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesWithTheSpecificCode() {
        code("/subscriptions/" + "s".repeat(65) + "/resourceGroups", "InvalidSubscriptionId");
        code("/SUBSCRIPTIONS/" + "s".repeat(65), "InvalidSubscriptionId");
        code("/subscriptions/" + "s".repeat(60) + "%41%41%41%41%41", "InvalidSubscriptionId");
        code("/" + "s".repeat(65) + "/cloudservices/cs", "InvalidSubscriptionId");
        code("/" + "s".repeat(65) + "/Operations/op", "InvalidSubscriptionId");
        code("/" + "s".repeat(65) + "/other", null); // not the classic plane's subscription position: allowed
        code("/subscriptions/" + SUB + "/resourceGroups/" + "n".repeat(261), "InvalidResourceName");
        code("/subscriptions/" + SUB + "/resourceGroups/a%2Fb", "InvalidResourceName");
        code("/subscriptions/" + SUB + "/resourceGroups/a%5Cb", "InvalidResourceName");
        code("/subscriptions/" + SUB + "/resourceGroups/a%0Ab", "InvalidUri");
        code("/subscriptions/" + SUB + "/resourceGroups/a\u0001b", "InvalidUri");
        code("/subscriptions/" + SUB + "/resourceGroups/a%C3", "InvalidUri");
        code("/subscriptions/" + SUB + "/resourceGroups/a%G1", "InvalidUri");
        code(("/" + "n".repeat(200)).repeat(40), "InvalidResourceName");
    }

    /** What java.net.URI refuses in a path (the transport's check before this one took its place) is refused here. */
    @Test
    void refusesCharactersOutsideTheUriSyntax() {
        for (char c : " \"<>\\^`{|}[]#".toCharArray()) {
            code("/subscriptions/" + SUB + "/resourceGroups/a" + c + "b", "InvalidUri");
            code("/subscriptions/" + SUB + "/resourceGroups/a" + c + "%41", "InvalidUri");
            if (c != '#') { // for java.net.URI a '#' starts the fragment, which the transport splits off the path
                assertThatThrownBy(() -> java.net.URI.create("/a" + c + "b")).as("java.net.URI on " + c)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        code("/subscriptions/" + SUB + "/resourceGroups/a\u0085b", "InvalidUri");
        // what it accepts stays accepted: ARM names use these
        code("/subscriptions/" + SUB + "/resourceGroups/a-b_c.d~e!f$g&h'i(j)k*l+m,n;o=p:q@r", null);
    }

    @Test
    void theTargetIsAnAbsolutePathWithoutFragment() {
        assertThatCode(() -> EdgeChecks.target("/subscriptions/x", false)).doesNotThrowAnyException();
        assertThatCode(() -> EdgeChecks.target("http://host/x", false)).doesNotThrowAnyException();
        assertThatCode(() -> EdgeChecks.target("", false)).doesNotThrowAnyException();
        for (String relative : new String[] {"subscriptions/x", "*", "ab/c"}) {
            assertThatThrownBy(() -> EdgeChecks.target(relative, false)).as(relative)
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("InvalidUri"));
        }
        assertThatThrownBy(() -> EdgeChecks.target("/x", true)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("InvalidUri"));
    }

    private static void code(String path, String code) {
        if (code == null) {
            assertThatCode(() -> EdgeChecks.path(path)).as(path).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> EdgeChecks.path(path)).as(path).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }
}

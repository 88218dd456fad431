package io.asyncops.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link SegmentMatcher} accepts what Helidon's pattern matcher accepts for the same template, with the same parameters. */
class SegmentMatcherTest {
    private static final String STATUS = "/subscriptions/{sub}/providers/{ns}/locations/{loc}/operationStatuses/{id}";
    private static final List<String> PATHS = List.of(
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc/",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc/cancel",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/",
            "/subscriptions//providers/Microsoft.Sql/locations/westus/operationStatuses/abc",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationstatuses/abc",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationResults/abc",
            "/Subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc",
            "/subscriptions/a%20b/providers/Microsoft.Sql/locations/west%2Fus/operationStatuses/x%3Fy",
            "/subscriptions/a%20b/providers/Microsoft.Sql/locations/west%7Bus/operationStatuses/x%3Fy",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatusesX/abc",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/XoperationStatuses/abc",
            "/subscriptions/s1;m=1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc",
            "subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/x/../operationStatuses/abc",
            "/subscriptions/s1/./providers/Microsoft.Sql/locations/westus/operationStatuses/abc",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc/..",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc/x/..",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/..abc",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/abc.",
            "/subscriptions/s1/providers/Microsoft.Sql/locations/westus/operationStatuses/.",
            "/",
            "");

    @Test
    void acceptsWhatThePatternMatcherAcceptsWithTheSameParameters() {
        for (String template : List.of(STATUS, STATUS + "/cancel", "/health/live", "/{a}", "/a.b/{c}")) {
            PathMatcher ours = SegmentMatcher.of(template);
            PathMatcher helidons = PathMatchers.pattern(template);
            for (String path : PATHS) {
                UriPath uri = UriPath.create(path);
                PathMatchers.MatchResult expected = helidons.match(uri);
                PathMatchers.MatchResult actual = ours.match(uri);
                assertThat(actual.accepted()).as(template + " on " + path).isEqualTo(expected.accepted());
                if (expected.accepted()) {
                    assertThat(params(actual)).as(template + " on " + path).isEqualTo(params(expected));
                    assertThat(actual.path().rawPath()).isEqualTo(expected.path().rawPath());
                }
            }
            assertThat(ours.matchingElement()).contains(template);
        }
        assertThat(SegmentMatcher.of(STATUS).match(UriPath.create(PATHS.get(9))).accepted()).isFalse();
        PathMatchers.MatchResult decoded = SegmentMatcher.of(STATUS).match(UriPath.create(PATHS.get(10)));
        assertThat(params(decoded)).containsEntry("sub", "a b").containsEntry("loc", "west{us")
                .containsEntry("id", "x?y");
    }

    /** The raw path is matched as it is only when decoding and normalizing it would not change it. */
    @Test
    void aPlainPathIsItsOwnDecodedPath() {
        for (String path : PATHS) {
            if (SegmentMatcher.plain(path)) {
                assertThat(UriPath.create(path).path()).as(path).isEqualTo(path);
            }
        }
        for (String path : List.of("/a/./b", "/a/../b", "/a/..", "/a/.", "/a//b", "/a%41", "/a;b=c")) {
            assertThat(SegmentMatcher.plain(path)).as(path).isFalse();
        }
        for (String path : List.of("/a/.b", "/a/..b", "/a/b.", "/a/b..", "/Microsoft.Sql", "/a/...")) {
            assertThat(SegmentMatcher.plain(path)).as(path).isTrue();
            assertThat(UriPath.create(path).path()).as(path).isEqualTo(path);
        }
    }

    @Test
    void refusesTemplatesItCannotMatchLikeThePatternMatcher() {
        for (String template : List.of("relative/{a}", "/a/*", "/a/{+rest}", "/a/{b:\\d+}", "/a//b", "/a/[b]", "/")) {
            assertThatThrownBy(() -> SegmentMatcher.of(template)).as(template)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Map<String, String> params(PathMatchers.MatchResult r) {
        Map<String, String> m = new TreeMap<>();
        for (String name : r.path().pathParameters().names()) {
            m.put(name, r.path().pathParameters().get(name));
        }
        return m;
    }
}

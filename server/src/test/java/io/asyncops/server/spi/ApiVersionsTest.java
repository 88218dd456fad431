package io.asyncops.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.uri.UriQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The api-version read in place from a plain query is the one the parsed query gives. */
class ApiVersionsTest {
    @Test
    void aPlainQueryGivesWhatTheParsedQueryGives() {
        List<String> queries = List.of("api-version=2021-11-01", "a=b&api-version=2021-11-01&c",
                "api-version=2021-11-01&api-version=2020-01-01", "api-version=", "api-version", "api-version= ",
                "api-version=%20x", "api-version=a+b", "API-VERSION=2021-11-01", "x=1&Api-Version=2", "",
                "api-versionX=1", "xapi-version=1", "api-version=a=b", "&&api-version=1&&", "api-version=1;x=2",
                "$filter=status eq 'x'&api-version= 2021-11-01 ");
        int inPlace = 0;
        for (String q : queries) {
            Optional<String> plain = ApiVersions.inPlainQuery(q);
            if (plain == null) {
                continue; // left to the parsed query
            }
            inPlace++;
            assertThat(plain).as(q).isEqualTo(parsed(UriQuery.create(q)));
        }
        assertThat(inPlace).isGreaterThanOrEqualTo(10);
        assertThat(ApiVersions.inPlainQuery("API-VERSION=2021-11-01")).isNull();
        assertThat(ApiVersions.inPlainQuery("api-version=a%20b")).isNull();
    }

    /** What {@link ApiVersions#find} answers from the parsed query. */
    private static Optional<String> parsed(UriQuery query) {
        String name = query.contains(ApiVersions.PARAMETER) ? ApiVersions.PARAMETER : query.names().stream()
                .filter(ApiVersions.PARAMETER::equalsIgnoreCase).findFirst().orElse(null);
        if (name == null) {
            return Optional.empty();
        }
        String v = query.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}

package io.asyncops.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.uri.UriQuery;
import java.util.List;
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
            UriQuery query = UriQuery.create(q);
            assertThat(query.rawValue()).isEqualTo(q); // what a request's raw query gives the in-place read
            assertThat(ApiVersions.find(query)).as(q).isEqualTo(ApiVersions.inParsedQuery(query));
            if (ApiVersions.inPlainQuery(q) != null) {
                inPlace++;
            }
        }
        assertThat(inPlace).isGreaterThanOrEqualTo(10);
        assertThat(ApiVersions.inPlainQuery("API-VERSION=2021-11-01")).isNull();
        assertThat(ApiVersions.inPlainQuery("api-version=a%20b")).isNull();
        assertThat(ApiVersions.inPlainQuery("a=b&api-version=2021-11-01&c")).isEqualTo("2021-11-01");
    }
}

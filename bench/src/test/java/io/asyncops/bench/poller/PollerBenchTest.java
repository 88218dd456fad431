package io.asyncops.bench.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark runs end to end on a few short operations and measures something plausible. */
class PollerBenchTest {

    @ParameterizedTest
    @EnumSource(PollerBench.Where.class)
    void everyPollerFollowsEveryOperationAndTheNumbersAreSane(PollerBench.Where where) throws Exception {
        List<PollerBench.Result> results = PollerBench.run(where, 3, 200, 1_200);

        assertThat(results).extracting(PollerBench.Result::poller)
                .containsExactly("asyncops client", "asyncops client (long poll)", "azure-core SyncPoller (ARM)");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.failures()).isZero();
            // start request, at least one poll, the final GET of a PUT
            assertThat(r.requestsPerOperation()).isGreaterThanOrEqualTo(3.0);
            assertThat(r.noticeMaxMillis()).as("every end was seen").isGreaterThanOrEqualTo(0);
        });
        PollerBench.Result longPoll = results.get(1);
        assertThat(longPoll.noticeMaxMillis()).as("a held poll answers as the operation ends").isLessThan(500);
        assertThat(longPoll.requestsPerOperation()).as("start, held poll(s), final GET").isLessThanOrEqualTo(4.0);
    }
}

package io.asyncops.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.OperationId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoticeTest {

    @Test
    void roundTripsThroughItsPayload() {
        Notice notice = new Notice("node-1", true, List.of(OperationId.random(), OperationId.random()));

        List<String> payloads = notice.encode();

        assertThat(payloads).hasSize(1);
        assertThat(Notice.decode(payloads.get(0))).isEqualTo(notice);
        assertThat(Notice.decode(new Notice("n", false, List.of()).encode().get(0)))
                .isEqualTo(new Notice("n", false, List.of()));
    }

    @Test
    void manyIdsAreSplitIntoPayloadsUnderPostgresLimit() {
        List<OperationId> ids = IntStream.range(0, 400).mapToObj(i -> OperationId.random()).toList();

        List<String> payloads = new Notice("node-1", false, ids).encode();

        assertThat(payloads).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThan(8000));
        List<OperationId> decoded = new ArrayList<>();
        payloads.forEach(p -> decoded.addAll(Notice.decode(p).ids()));
        assertThat(decoded).isEqualTo(ids);
    }

    @Test
    void foreignPayloadsAreIgnored() {
        assertThat(Notice.decode("hello")).isNull();
        assertThat(Notice.decode("node|w|not-a-uuid")).isNull();
        assertThat(Notice.decode("node|wx|")).isNull();
    }

    @Test
    void idempotencyScopesCannotCollide() {
        assertThat(Rows.idempotencyRef("a", "b:c"))
                .isNotEqualTo(Rows.idempotencyRef("a:b", "c"));
        assertThat(Rows.idempotencyRef(null, "k")).isNotEqualTo(Rows.idempotencyRef("", "k:"));
        assertThat(Rows.idempotencyRef("s", null)).isNull();
    }

    @Test
    void pageTokensRoundTripAndForgeriesAreRefused() {
        Listing.Key key = new Listing.Key(java.time.Instant.parse("2026-01-01T10:00:00.123456Z"),
                java.util.UUID.randomUUID());

        assertThat(Listing.Key.decode(key.encode())).isEqualTo(key);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Listing.Key.decode("bm9wZQ"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.asyncops.server.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.engine.OperationStatus;
import io.asyncops.server.spi.ApiException;
import org.junit.jupiter.api.Test;

class OperationListFilterTest {

    @Test
    void statusFiltersAreParsed() {
        assertThat(OperationListService.parseFilter("status eq 'InProgress'"))
                .containsExactlyInAnyOrder(OperationStatus.ACCEPTED, OperationStatus.IN_PROGRESS);
        assertThat(OperationListService.parseFilter("Status EQ 'failed' or status eq 'Canceled'"))
                .containsExactlyInAnyOrder(OperationStatus.FAILED, OperationStatus.CANCELED);
    }

    @Test
    void otherFiltersAndTopsAreBadRequests() {
        assertThatThrownBy(() -> OperationListService.parseFilter("name eq 'x'"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidFilterParameter"));
        assertThatThrownBy(() -> OperationListService.parseFilter("status eq 'Sleeping'"))
                .isInstanceOf(ApiException.class);
        assertThat(OperationListService.parseTop("5")).isEqualTo(5);
        assertThatThrownBy(() -> OperationListService.parseTop("0")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> OperationListService.parseTop("x")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> OperationListService.parseTop("1001")).isInstanceOf(ApiException.class);
    }
}

package io.asyncops.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.OperationError;
import org.junit.jupiter.api.Test;

/** The one fault table both planes use: an injected code reports the HTTP status Azure answers for its family. */
class FaultsTest {

    @Test
    void mapsFaultCodesToTheStatusTheirNameSuggests() {
        assertThat(Faults.status("SomeErrorCode")).isEqualTo(400);
        assertThat(Faults.status("RegionDoesNotAllowProvisioning")).isEqualTo(400);
        assertThat(Faults.status("ResourceNotFound")).isEqualTo(404);
        assertThat(Faults.status("ConflictError")).isEqualTo(409);
        assertThat(Faults.status("ServerAlreadyExists")).isEqualTo(409);
        assertThat(Faults.status("TooManyRequests")).isEqualTo(429);
        assertThat(Faults.status("SubscriptionRequestsThrottled")).isEqualTo(429);
        assertThat(Faults.status("InternalServerError")).isEqualTo(500);
        assertThat(Faults.status("GatewayTimeout")).isEqualTo(500);
        assertThat(Faults.status("ServiceUnavailable")).isEqualTo(503);
    }

    /** The two planes' old tables disagreed here (400 on the ARM plane): a busy server is 503, as Azure answers it. */
    @Test
    void aBusyServerIsServiceUnavailable() {
        assertThat(Faults.status("ServerBusy")).isEqualTo(503);
        assertThat(Faults.status("serverbusy")).isEqualTo(503);
    }

    @Test
    void anInjectedFaultSaysWhyAndCarriesItsStatus() {
        OperationError e = Faults.injected("ServerBusy", "Microsoft.Sql/servers/write");
        assertThat(e.code()).isEqualTo("ServerBusy");
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.message()).contains("Microsoft.Sql/servers/write").contains("asyncops-fault: ServerBusy");
    }
}

package io.asyncops.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The body of an ARM status monitor (the {@code Azure-AsyncOperation} URL):
 * {@code {"id":...,"name":...,"status":"InProgress","startTime":...,"percentComplete":40.0}}.
 *
 * <p>Rules kept by the server: {@code endTime} only once terminal; {@code error} only when Failed or Canceled;
 * {@code properties} only when Succeeded. A client treats any status it does not know as still running.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationStatusMonitor(
        String id,
        String name,
        String status,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        Double percentComplete,
        JsonNode properties,
        ArmError error) {

    /** True when {@link #status()} is one of the terminal values (case-insensitive). */
    @JsonIgnore
    public boolean isTerminal() {
        return ProvisioningStates.isTerminal(status);
    }
}

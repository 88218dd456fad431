package io.asyncops.client;

/**
 * How an operation of the classic Service Management (XML) plane is polled. Such an operation answers
 * {@code 202 Accepted} with no polling URL; its handle is the {@code x-ms-request-id} of that answer.
 */
public enum ClassicPolling {
    /**
     * BizTalk Services: {@code GET .../resources/biztalkservices/~/biztalk/{resource}?OperationStatus/{request-id}},
     * answered with {@code <OperationStatus><Result>InProgress|Succeeded|Failed</Result>...}.
     */
    BIZTALK_OPERATION_STATUS,
    /**
     * Generic Service Management: {@code GET /{subscription-id}/operations/{request-id}}, answered with
     * {@code <Operation><Status>InProgress|Succeeded|Failed</Status>...}.
     */
    SERVICE_MANAGEMENT_OPERATIONS
}

package io.asyncops.client;

/** What the poller polls, and so how it reads each answer. */
enum Mode {
    /** An {@code Azure-AsyncOperation} or {@code Operation-Location} status monitor: {@code {"status": ...}}. */
    STATUS_MONITOR,
    /** A {@code Location} URL: {@code 202} while running, then the result. */
    LOCATION,
    /** The resource itself (the original URL of a PUT/PATCH): its {@code properties.provisioningState}. */
    RESOURCE,
    /** BizTalk Services' {@code ?OperationStatus/{id}} XML. */
    CLASSIC_BIZTALK,
    /** Service Management's {@code /{subscription}/operations/{id}} XML. */
    CLASSIC_OPERATIONS,
    /** A URL handed to {@code follow}: the first answer decides which of the above it is. */
    AUTO,
    /** Nothing left to poll: the start request already had the answer. */
    NONE
}

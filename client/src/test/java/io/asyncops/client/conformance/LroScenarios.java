package io.asyncops.client.conformance;

import static io.asyncops.client.conformance.Scenario.canceled;
import static io.asyncops.client.conformance.Scenario.failed;
import static io.asyncops.client.conformance.Scenario.httpError;
import static io.asyncops.client.conformance.Scenario.of;
import static io.asyncops.client.conformance.Scenario.ok;
import static io.asyncops.client.conformance.Scenario.okEmpty;
import static io.asyncops.client.conformance.Scenario.violation;

import io.asyncops.client.FinalStateVia;
import java.util.List;

/**
 * Every LRO operation of the AutoRest test server 3.3.51 ({@code swagger/lro.json}: 81; the parameterized-endpoint
 * swagger: 2; the paging swagger's LRO: 1), with the outcome read from the package's route code and swagger
 * descriptions.
 *
 * <p>Where Azure's own SDKs disagree, the stricter rule is kept and noted: a {@code Location} poll that answers 200
 * with {@code provisioningState: Failed} is a failed operation (as azcore for Go decides), and a PUT that ends without
 * its resource in the body is a protocol violation (as the Python and Java generators decide).
 */
final class LroScenarios {
    /** The ARM product the most scenarios end with. */
    static final String PRODUCT = "{\"properties\":{\"provisioningState\":\"Succeeded\"},\"id\":\"100\",\"name\":\"foo\"}";
    static final String FOO = "{\"id\":\"100\",\"name\":\"foo\"}";
    static final String SKU = "{\"name\":\"sku\",\"id\":\"100\"}";
    static final String SUB_PRODUCT = "{\"properties\":{\"provisioningState\":\"Succeeded\"},\"id\":\"100\",\"subresource\":\"sub1\"}";
    static final String CLIENT_REQUEST_ID = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

    private LroScenarios() {
    }

    /** The 81 operations of swagger/lro.json. */
    static final List<Scenario> LRO_JSON = List.of(
            // LROs: the happy paths
            of("LROs_put200Succeeded", "PUT", "/lro/put/200/succeeded", ok(200, PRODUCT)),
            of("LROs_patch200SucceededIgnoreHeaders", "PATCH", "/lro/patch/200/succeeded/ignoreheaders", ok(200, PRODUCT)),
            of("LROs_patch201RetryWithAsyncHeader", "PATCH", "/lro/patch/201/retry/onlyAsyncHeader", ok(200,
                    "{\"properties\":{\"provisioningState\":\"Succeeded\"},\"id\":\"/lro/patch/201/retry/onlyAsyncHeader\",\"name\":\"foo\"}")),
            of("LROs_patch202RetryWithAsyncAndLocationHeader", "PATCH", "/lro/patch/202/retry/asyncAndLocationHeader", ok(200,
                    "{\"properties\":{\"provisioningState\":\"Succeeded\"},\"id\":\"/lro/patch/202/retry/asyncAndLocationHeader\",\"name\":\"foo\"}")),
            of("LROs_put201Succeeded", "PUT", "/lro/put/201/succeeded", ok(201, PRODUCT)),
            of("LROs_post202List", "POST", "/lro/list", ok(200, "[{\"id\":\"100\",\"name\":\"foo\"}]")),
            of("LROs_put200SucceededNoState", "PUT", "/lro/put/200/succeeded/nostate", ok(200, FOO)),
            of("LROs_put202Retry200", "PUT", "/lro/put/202/retry/200", ok(200, FOO)),
            of("LROs_put201CreatingSucceeded200", "PUT", "/lro/put/201/creating/succeeded/200", ok(200, PRODUCT)),
            of("LROs_put200UpdatingSucceeded204", "PUT", "/lro/put/200/updating/succeeded/200", ok(200, PRODUCT)),
            of("LROs_put201CreatingFailed200", "PUT", "/lro/put/201/created/failed/200", failed("Failed")),
            of("LROs_put200Acceptedcanceled200", "PUT", "/lro/put/200/accepted/canceled/200", canceled()),
            of("LROs_putNoHeaderInRetry", "PUT", "/lro/put/noheader/202/200", ok(200, PRODUCT)),
            of("LROs_putAsyncRetrySucceeded", "PUT", "/lro/putasync/retry/succeeded", ok(200, PRODUCT)),
            of("LROs_putAsyncNoRetrySucceeded", "PUT", "/lro/putasync/noretry/succeeded", ok(200, PRODUCT)),
            of("LROs_putAsyncRetryFailed", "PUT", "/lro/putasync/retry/failed", failed("Failed")),
            of("LROs_putAsyncNoRetrycanceled", "PUT", "/lro/putasync/noretry/canceled", canceled()),
            of("LROs_putAsyncNoHeaderInRetry", "PUT", "/lro/putasync/noheader/201/200", ok(200, PRODUCT)),
            of("LROs_putNonResource", "PUT", "/lro/putnonresource/202/200", ok(200, SKU)),
            of("LROs_putAsyncNonResource", "PUT", "/lro/putnonresourceasync/202/200", ok(200, SKU)),
            of("LROs_putSubResource", "PUT", "/lro/putsubresource/202/200", ok(200, SUB_PRODUCT)),
            of("LROs_putAsyncSubResource", "PUT", "/lro/putsubresourceasync/202/200", ok(200, SUB_PRODUCT)),
            of("LROs_deleteProvisioning202Accepted200Succeeded", "DELETE",
                    "/lro/delete/provisioning/202/accepted/200/succeeded", ok(200, PRODUCT)),
            of("LROs_deleteProvisioning202DeletingFailed200", "DELETE",
                    "/lro/delete/provisioning/202/deleting/200/failed", failed("Failed")),
            of("LROs_deleteProvisioning202Deletingcanceled200", "DELETE",
                    "/lro/delete/provisioning/202/deleting/200/canceled", canceled()),
            of("LROs_delete204Succeeded", "DELETE", "/lro/delete/204/succeeded", okEmpty(204)),
            of("LROs_delete202Retry200", "DELETE", "/lro/delete/202/retry/200", okEmpty(200)),
            of("LROs_delete202NoRetry204", "DELETE", "/lro/delete/202/noretry/204", okEmpty(204)),
            of("LROs_deleteNoHeaderInRetry", "DELETE", "/lro/delete/noheader", okEmpty(204)),
            of("LROs_deleteAsyncNoHeaderInRetry", "DELETE", "/lro/deleteasync/noheader/202/204", okEmpty(200)),
            of("LROs_deleteAsyncRetrySucceeded", "DELETE", "/lro/deleteasync/retry/succeeded", okEmpty(200)),
            of("LROs_deleteAsyncNoRetrySucceeded", "DELETE", "/lro/deleteasync/noretry/succeeded", okEmpty(200)),
            of("LROs_deleteAsyncRetryFailed", "DELETE", "/lro/deleteasync/retry/failed", failed("Failed")),
            of("LROs_deleteAsyncRetrycanceled", "DELETE", "/lro/deleteasync/retry/canceled", canceled()),
            of("LROs_post200WithPayload", "POST", "/lro/post/payload/200", ok(200, "{\"id\":\"1\",\"name\":\"product\"}")),
            of("LROs_post202Retry200", "POST", "/lro/post/202/retry/200", ok(200, PRODUCT)),
            of("LROs_post202NoRetry204", "POST", "/lro/post/202/noretry/204", okEmpty(204)),
            of("LROs_postDoubleHeadersFinalLocationGet", "POST", "/lro/LROPostDoubleHeadersFinalLocationGet",
                    FinalStateVia.LOCATION, ok(200, FOO)),
            of("LROs_postDoubleHeadersFinalAzureHeaderGet", "POST", "/lro/LROPostDoubleHeadersFinalAzureHeaderGet",
                    FinalStateVia.AZURE_ASYNC_OPERATION, ok(200, "{\"status\":\"succeeded\",\"id\":\"100\"}")),
            of("LROs_postDoubleHeadersFinalAzureHeaderGetDefault", "POST",
                    "/lro/LROPostDoubleHeadersFinalAzureHeaderGetDefault", ok(200, FOO)),
            of("LROs_postAsyncRetrySucceeded", "POST", "/lro/postasync/retry/succeeded", ok(200, PRODUCT)),
            of("LROs_postAsyncNoRetrySucceeded", "POST", "/lro/postasync/noretry/succeeded", ok(200, PRODUCT)),
            of("LROs_postAsyncRetryFailed", "POST", "/lro/postasync/retry/failed", failed("500: Internal Server Error")),
            of("LROs_postAsyncRetrycanceled", "POST", "/lro/postasync/retry/canceled", canceled()),
            // LRORetrys: a 500 once per URL, start requests included
            of("LRORetrys_put201CreatingSucceeded200", "PUT", "/lro/retryerror/put/201/creating/succeeded/200", ok(200, PRODUCT)),
            of("LRORetrys_putAsyncRelativeRetrySucceeded", "PUT", "/lro/retryerror/putasync/retry/succeeded", ok(200, PRODUCT)),
            of("LRORetrys_deleteProvisioning202Accepted200Succeeded", "DELETE",
                    "/lro/retryerror/delete/provisioning/202/accepted/200/succeeded", ok(200, PRODUCT)),
            of("LRORetrys_delete202Retry200", "DELETE", "/lro/retryerror/delete/202/retry/200", ok(200, PRODUCT)),
            of("LRORetrys_deleteAsyncRelativeRetrySucceeded", "DELETE", "/lro/retryerror/deleteasync/retry/succeeded",
                    okEmpty(200)),
            of("LRORetrys_post202Retry200", "POST", "/lro/retryerror/post/202/retry/200", ok(200, PRODUCT)),
            of("LRORetrys_postAsyncRelativeRetrySucceeded", "POST", "/lro/retryerror/postasync/retry/succeeded", ok(200, SKU)),
            // LROSADs: the sad paths
            of("LROSADs_putNonRetry400", "PUT", "/lro/nonretryerror/put/400", httpError(400, "Expected bad request message")),
            of("LROSADs_putNonRetry201Creating400", "PUT", "/lro/nonretryerror/put/201/creating/400",
                    httpError(400, "/lro/nonretryerror/put/201/creating/400")),
            of("LROSADs_putNonRetry201Creating400InvalidJson", "PUT", "/lro/nonretryerror/put/201/creating/400/invalidjson",
                    httpError(400, "/lro/nonretryerror/put/201/creating/400/invalidjson")),
            of("LROSADs_putAsyncRelativeRetry400", "PUT", "/lro/nonretryerror/putasync/retry/400",
                    httpError(400, "/operationResults/400")),
            of("LROSADs_deleteNonRetry400", "DELETE", "/lro/nonretryerror/delete/400", httpError(400, "Expected bad request message")),
            of("LROSADs_delete202NonRetry400", "DELETE", "/lro/nonretryerror/delete/202/retry/400",
                    httpError(400, "GET http://")),
            of("LROSADs_deleteAsyncRelativeRetry400", "DELETE", "/lro/nonretryerror/deleteasync/retry/400",
                    httpError(400, "/operationResults/400")),
            of("LROSADs_postNonRetry400", "POST", "/lro/nonretryerror/post/400", httpError(400, "POST http://")),
            of("LROSADs_post202NonRetry400", "POST", "/lro/nonretryerror/post/202/retry/400", httpError(400, "GET http://")),
            of("LROSADs_postAsyncRelativeRetry400", "POST", "/lro/nonretryerror/postasync/retry/400",
                    httpError(400, "/operationResults/400")),
            of("LROSADs_putError201NoProvisioningStatePayload", "PUT", "/lro/error/put/201/noprovisioningstatepayload",
                    violation("without the resource in the body")),
            of("LROSADs_putAsyncRelativeRetryNoStatus", "PUT", "/lro/error/putasync/retry/nostatus", violation("has no 'status'")),
            of("LROSADs_putAsyncRelativeRetryNoStatusPayload", "PUT", "/lro/error/putasync/retry/nostatuspayload",
                    violation("without a body")),
            of("LROSADs_delete204Succeeded", "DELETE", "/lro/error/delete/204/nolocation", okEmpty(204)),
            of("LROSADs_deleteAsyncRelativeRetryNoStatus", "DELETE", "/lro/error/deleteasync/retry/nostatus",
                    violation("has no 'status'")),
            of("LROSADs_post202NoLocation", "POST", "/lro/error/post/202/nolocation",
                    violation("202 Accepted without Azure-AsyncOperation, Operation-Location or Location")),
            of("LROSADs_postAsyncRelativeRetryNoPayload", "POST", "/lro/error/postasync/retry/nopayload",
                    violation("without a body")),
            of("LROSADs_put200InvalidJson", "PUT", "/lro/error/put/200/invalidjson", violation("not valid JSON")),
            of("LROSADs_putAsyncRelativeRetryInvalidHeader", "PUT", "/lro/error/putasync/retry/invalidheader",
                    httpError(404, "/foo answered")),
            of("LROSADs_putAsyncRelativeRetryInvalidJsonPolling", "PUT", "/lro/error/putasync/retry/invalidjsonpolling",
                    violation("not valid JSON")),
            of("LROSADs_delete202RetryInvalidHeader", "DELETE", "/lro/error/delete/202/retry/invalidheader",
                    httpError(404, "/foo answered")),
            of("LROSADs_deleteAsyncRelativeRetryInvalidHeader", "DELETE", "/lro/error/deleteasync/retry/invalidheader",
                    httpError(404, "/foo answered")),
            of("LROSADs_deleteAsyncRelativeRetryInvalidJsonPolling", "DELETE",
                    "/lro/error/deleteasync/retry/invalidjsonpolling", violation("not valid JSON")),
            of("LROSADs_post202RetryInvalidHeader", "POST", "/lro/error/post/202/retry/invalidheader",
                    httpError(404, "/foo answered")),
            of("LROSADs_postAsyncRelativeRetryInvalidHeader", "POST", "/lro/error/postasync/retry/invalidheader",
                    httpError(404, "/foo answered")),
            of("LROSADs_postAsyncRelativeRetryInvalidJsonPolling", "POST", "/lro/error/postasync/retry/invalidjsonpolling",
                    violation("not valid JSON")),
            // LROsCustomHeader: x-ms-client-request-id on every request, polls included
            of("LROsCustomHeader_putAsyncRetrySucceeded", "PUT", "/lro/customheader/putasync/retry/succeeded", ok(200, PRODUCT)),
            of("LROsCustomHeader_put201CreatingSucceeded200", "PUT", "/lro/customheader/put/201/creating/succeeded/200",
                    ok(200, PRODUCT)),
            of("LROsCustomHeader_post202Retry200", "POST", "/lro/customheader/post/202/retry/200", okEmpty(200)),
            of("LROsCustomHeader_postAsyncRetrySucceeded", "POST", "/lro/customheader/postasync/retry/succeeded",
                    ok(200, "{\"status\":\"Succeeded\"}")));

    /** The LROs of swagger/lro-parameterized-endpoints.json (relative Location) and swagger/paging.json. */
    static final List<Scenario> OTHERS = List.of(
            of("pollWithParameterizedEndpoints", "POST", "/lroParameterizedEndpoints", FinalStateVia.LOCATION,
                    ok(200, "\"success\"")),
            of("pollWithConstantParameterizedEndpoints", "POST", "/lroConstantParameterizedEndpoints/iAmConstant",
                    ok(200, "\"success\"")),
            of("Paging_GetMultiplePagesLRO", "POST", "/paging/multiple/lro", ok(200,
                    "{\"values\":[{\"properties\":{\"id\":1,\"name\":\"Product\"}}],\"nextLink\":\"{base}/paging/multiple/page/2\"}")));
}

package io.asyncops.server.classic;

import io.asyncops.emulator.biztalk.BizTalkServices;
import io.asyncops.server.spi.ApiException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Service Management's Get Operation Status, {@code GET /{subscription-id}/operations/{request-id}}: {@code 200} with
 * {@code <Operation>} for any classic operation, whatever its edition. An id of another subscription is {@code 404},
 * exactly as an unknown one.
 */
final class OperationsHttpService implements HttpService {
    private final BizTalkServices biztalk;

    OperationsHttpService(BizTalkServices biztalk) {
        this.biztalk = biztalk;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{sub}/operations/{id}", this::get)
                .any("/{sub}/operations/{id}", (req, res) -> {
                    throw ClassicRequests.methodNotAllowed(req, "GET");
                });
    }

    private void get(ServerRequest req, ServerResponse res) {
        String sub = ClassicRequests.admit(req, ServiceManagementVersion.OPERATIONS, false);
        String id = req.path().pathParameters().get("id");
        var op = biztalk.findOperation(sub, id).orElseThrow(() -> new ApiException(404, "ResourceNotFound",
                "The operation '" + (id.length() > 64 ? id.substring(0, 64) + "..." : id) + "' was not found."));
        ClassicXml.send(res, 200, ClassicStatuses.operation(op.requestId(), op.operation()));
    }
}

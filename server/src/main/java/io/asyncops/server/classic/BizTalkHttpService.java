package io.asyncops.server.classic;

import io.asyncops.emulator.biztalk.BizTalkOperation;
import io.asyncops.emulator.biztalk.BizTalkService;
import io.asyncops.emulator.biztalk.BizTalkServices;
import io.asyncops.emulator.biztalk.Edition;
import io.asyncops.emulator.biztalk.ServiceState;
import io.asyncops.engine.Engine;
import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.RetryAfter;
import io.asyncops.protocol.classic.BizTalkResource;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.RequestIds;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BizTalk Services deployments: {@code PUT} (create), {@code GET} (the deployment, or with the query
 * {@code OperationStatus/{request-id}} the status of one of its operations), {@code POST ?comp=restart} and
 * {@code DELETE}, each under {@code .../resources/biztalkservices/biztalk/{name}} and under the {@code ~/biztalk} form
 * the API's documents also use. A start answers {@code 202} without a body; its {@code x-ms-request-id} is the
 * operation's handle.
 */
final class BizTalkHttpService implements HttpService {
    static final String BASE = "/{sub}/cloudservices/{cs}/resources/biztalkservices";
    private static final List<String> RESOURCE = List.of(BASE + "/biztalk/{name}", BASE + "/~/biztalk/{name}");
    private static final String STATUS_QUERY = "operationstatus";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Logger LOG = LoggerFactory.getLogger(BizTalkHttpService.class);

    private final BizTalkServices biztalk;
    private final Engine engine;

    BizTalkHttpService(BizTalkServices biztalk, Engine engine) {
        this.biztalk = biztalk;
        this.engine = engine;
    }

    @Override
    public void routing(HttpRules rules) {
        for (String path : RESOURCE) {
            rules.put(path, this::create)
                    .get(path, this::getOrPoll)
                    .post(path, this::action)
                    .delete(path, this::delete)
                    .any(path, (req, res) -> {
                        throw ClassicRequests.methodNotAllowed(req, "GET", "PUT", "POST", "DELETE");
                    });
        }
    }

    private void create(ServerRequest req, ServerResponse res) {
        String sub = ClassicRequests.admit(req, ServiceManagementVersion.BIZTALK, true);
        BizTalkResource body = ClassicXml.read(req, BizTalkResource.class);
        started(req, res, "create", () -> biztalk.create(ClassicRequests.caller(req, sub), cloudService(req),
                name(req), body));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String sub = ClassicRequests.admit(req, ServiceManagementVersion.BIZTALK, false);
        started(req, res, "delete", () -> biztalk.delete(ClassicRequests.caller(req, sub), cloudService(req),
                name(req)));
    }

    private void action(ServerRequest req, ServerResponse res) {
        String sub = ClassicRequests.admit(req, ServiceManagementVersion.BIZTALK, false);
        String comp = req.query().contains("comp") ? req.query().get("comp") : null;
        if (comp == null || !comp.equalsIgnoreCase("restart")) {
            throw new ApiException(400, "MissingOrInvalidRequiredQueryParameter", comp == null
                    ? "The query parameter comp is required; the supported action is comp=restart."
                    : "The action comp=" + shorten(comp) + " is not supported; the supported action is comp=restart.");
        }
        started(req, res, "restart", () -> biztalk.restart(ClassicRequests.caller(req, sub), cloudService(req),
                name(req)));
    }

    private void started(ServerRequest req, ServerResponse res, String what, Supplier<BizTalkOperation> start) {
        BizTalkOperation op = start.get();
        LOG.info("classic {} of BizTalk service {} accepted: request id {}, operation {}, client request id {}",
                what, op.resourceName(), op.requestId(), op.operation().id(),
                RequestIds.of(req).clientRequestIdIfSent().orElse("-"));
        res.status(202);
        res.header(HeaderNames.X_MS_REQUEST_ID, op.requestId());
        res.send();
    }

    private void getOrPoll(ServerRequest req, ServerResponse res) {
        String raw = req.query().rawValue();
        if (raw != null && raw.toLowerCase(Locale.ROOT).startsWith(STATUS_QUERY)) {
            poll(req, res, raw.substring(STATUS_QUERY.length()));
        } else {
            get(req, res);
        }
    }

    /** {@code ?OperationStatus/{request-id}}: 202 with {@code <OperationStatus>}. */
    private void poll(ServerRequest req, ServerResponse res, String rest) {
        String sub = ClassicRequests.admit(req, ServiceManagementVersion.BIZTALK, false);
        int amp = rest.indexOf('&');
        String idPart = amp < 0 ? rest : rest.substring(0, amp);
        String requestId = idPart.startsWith("/") ? decode(idPart.substring(1)).trim() : "";
        if (requestId.isEmpty()) {
            throw new ApiException(400, "MissingOrInvalidRequiredQueryParameter", "The query must be"
                    + " OperationStatus/{request-id}, with the x-ms-request-id of the request that started the"
                    + " operation.");
        }
        String cs = cloudService(req);
        String name = name(req);
        Optional<BizTalkOperation> op = biztalk.findOperation(sub, requestId).filter(o -> o.actsOn(cs, name));
        Optional<Edition> edition = op.map(BizTalkOperation::edition)
                .or(() -> biztalk.get(sub, cs, name).map(BizTalkService::edition));
        if (edition.isPresent() && edition.get() == Edition.FREE) {
            throw new ApiException(400, "OperationNotSupportedOnFreeEdition", "Polling for async operations is not"
                    + " supported on the BizTalk Services Free edition (the BizTalk service '" + name
                    + "' is Free).");
        }
        BizTalkOperation found = op.orElseThrow(() -> new ApiException(404, "ResourceNotFound", "The operation with"
                + " request id '" + shorten(requestId) + "' was not found for the BizTalk service '" + name + "'."));
        if (!found.operation().isTerminal()) {
            res.header(HeaderNames.RETRY_AFTER, RetryAfter.format(engine.retryAfter(found.operation())));
        }
        String xml = ClassicXml.write(ClassicStatuses.operationStatus(found.operation()));
        // The service's own answers declare the XML Schema instance prefix, as WCF writes them.
        ClassicXml.send(res, 202, xml.replaceFirst("^<OperationStatus", "<OperationStatus xmlns:i=\"" + XSI + "\""));
    }

    /** The deployment: 200 with {@code <Resource>}. */
    private void get(ServerRequest req, ServerResponse res) {
        String sub = ClassicRequests.admit(req, ServiceManagementVersion.BIZTALK, false);
        String cs = cloudService(req);
        String name = name(req);
        BizTalkService s = biztalk.get(sub, cs, name).orElseThrow(() -> new ApiException(404, "ResourceNotFound",
                "The BizTalk service '" + name + "' does not exist in the cloud service '" + cs + "'."));
        BizTalkResource.LastOperation last = biztalk.findOperation(sub, s.lastRequestId())
                .map(o -> ClassicStatuses.lastOperation(s.lastAction().wireName(), o.operation()))
                .orElseGet(() -> new BizTalkResource.LastOperation(s.lastAction().wireName(),
                        s.state() == ServiceState.FAILED ? ClassicStatuses.FAILED : ClassicStatuses.SUCCEEDED, null));
        List<BizTalkResource.KeyValue> tags = s.tags().entrySet().stream()
                .map(e -> new BizTalkResource.KeyValue(e.getKey(), e.getValue())).toList();
        BizTalkResource answer = new BizTalkResource(s.name(), "biztalk", s.plan().wireName(), s.schemaVersion(),
                s.etag(), s.state().wireName(), new BizTalkResource.IntrinsicSettings(s.edition().wireName(),
                s.region()), last,
                s.state() == ServiceState.ACTIVE || s.state() == ServiceState.RESTARTING
                        ? new BizTalkResource.OutputItems(List.of(
                                new BizTalkResource.KeyValue("ServiceUrl", s.serviceUrl())))
                        : null,
                tags.isEmpty() ? null : new BizTalkResource.Tags(tags));
        res.header("ETag", "\"" + s.etag() + "\"");
        ClassicXml.send(res, 200, answer);
    }

    private static String cloudService(ServerRequest req) {
        return req.path().pathParameters().get("cs");
    }

    private static String name(ServerRequest req) {
        return req.path().pathParameters().get("name");
    }

    private static String decode(String raw) {
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}

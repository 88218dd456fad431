package io.asyncops.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.asyncops.emulator.AzureException;
import io.asyncops.engine.IdempotencyConflictException;
import io.asyncops.engine.OperationNotFoundException;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.protocol.ArmErrorResponse;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.classic.ServiceManagementError;
import io.asyncops.protocol.classic.Xml;
import io.asyncops.protocol.classic.XmlRejectedException;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ArmJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error table (SERVER-CONTRACT.md): every exception a filter or route throws becomes an error answer here,
 * ARM JSON on the ARM plane and classic XML on classic paths ({@code /{sub}/cloudservices/...},
 * {@code /{sub}/operations/...}). Rule: a body never carries a stack trace; an unexpected exception is a 500
 * {@code InternalServerError} logged with the request id.
 */
public final class ErrorTable {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTable.class);
    private static final Pattern CLASSIC_PATH = Pattern.compile("^/(?!subscriptions/)[^/]+/(cloudservices|operations)(/.*)?$",
            Pattern.CASE_INSENSITIVE);
    static final String XML_CONTENT_TYPE = "application/xml; charset=utf-8";
    static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private ErrorTable() {
    }

    /** Registers the table on {@code routing}. */
    public static void install(HttpRouting.Builder routing) {
        routing.error(Throwable.class, (req, res, e) -> render(req, res, translate(e, req)));
    }

    /** The error answer for {@code failure}. */
    static AzureException translate(Throwable failure, ServerRequest request) {
        return switch (failure) {
            case AzureException api -> api;
            case ResourceBusyException busy -> new ApiException(409, "AnotherOperationInProgress",
                    "Another operation is in progress on the resource '" + busy.resourceId() + "' (operation "
                            + busy.holder() + "). Retry when it has completed.");
            case IdempotencyConflictException conflict -> new ApiException(409, "IdempotencyKeyReused",
                    "The idempotency key was already used for operation " + conflict.existing()
                            + " with a different request body.");
            case OperationNotFoundException missing -> new ApiException(404, "OperationNotFound",
                    "The operation '" + missing.id() + "' was not found.");
            case XmlRejectedException xml -> new ApiException(400, "BadRequest", xml.getMessage());
            case HttpException http when http.status().code() >= 400 && http.status().code() < 500 ->
                    new ApiException(http.status().code(), codeOf(http.status().code()), safeMessage(http));
            default -> {
                LOG.error("unexpected failure of {} {}", request.prologue().method().text(), request.path().path(),
                        failure);
                yield new ApiException(500, "InternalServerError",
                        "The server encountered an internal error. Please retry the request.");
            }
        };
    }

    /** Writes {@code error} in the format of the request's plane, with the request id headers. */
    public static void render(ServerRequest request, ServerResponse response, AzureException error) {
        if (response.isSent()) {
            LOG.warn("cannot report {} {}: the response was already sent", error.status(), error.code());
            return;
        }
        RequestFilter.applyIdHeaders(request, response);
        error.headers().forEach(response::header);
        if (isClassic(request.path().rawPath())) {
            response.status(error.status());
            response.header(HeaderNames.CONTENT_TYPE, XML_CONTENT_TYPE);
            response.send(classicBody(error.code(), error.getMessage()));
        } else {
            ArmJson.send(response, error.status(), new ArmErrorResponse(error.toArmError()));
        }
    }

    /** ARM JSON for an error raised below routing (bad request line, oversized body), as bytes. */
    static byte[] armBody(String code, String message) {
        try {
            return Json.mapper().writeValueAsBytes(ArmErrorResponse.of(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A classic Service Management {@code <Error>} document, as bytes. */
    static byte[] classicBody(String code, String message) {
        try {
            return Xml.mapper().writeValueAsBytes(new ServiceManagementError(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an XML error", e);
        }
    }

    static boolean isClassic(String path) {
        return CLASSIC_PATH.matcher(path).matches();
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "AuthenticationFailed";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 411 -> "LengthRequired";
            case 413 -> "RequestEntityTooLarge";
            case 414 -> "RequestUriTooLong";
            case 415 -> "UnsupportedMediaType";
            case 431 -> "RequestHeaderFieldsTooLarge";
            default -> "BadRequest";
        };
    }

    private static String safeMessage(HttpException http) {
        String reason = http.status().reasonPhrase();
        return "The request is invalid: " + reason + ".";
    }

}

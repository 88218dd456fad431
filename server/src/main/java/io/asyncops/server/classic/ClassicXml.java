package io.asyncops.server.classic;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.asyncops.protocol.classic.Xml;
import io.asyncops.protocol.classic.XmlRejectedException;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Bodies;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;

/**
 * XML in and out on the classic plane. In: the {@code Content-Type} rule, a size limit checked before any parsing
 * (declared length first, then counted bytes), and {@link Xml#read} (no DTD, no entities, the right root element).
 * Out: {@code application/xml; charset=utf-8}.
 */
final class ClassicXml {
    /** The content type of every XML answer. */
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    /** The largest XML body the plane reads: a BizTalk resource document is well under a kilobyte. */
    static final int MAX_BODY_BYTES = io.asyncops.protocol.Limits.CLASSIC_XML_BODY;

    private ClassicXml() {
    }

    /**
     * Checks the request's {@code Content-Type}: when present (or when {@code required}) it must be
     * {@code application/xml}, with any parameters (such as {@code charset}).
     *
     * @throws ApiException 415 {@code UnsupportedMediaType}
     */
    static void checkContentType(ServerRequest request, boolean required) {
        String value = request.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
        if (value == null) {
            if (required) {
                throw new ApiException(415, "UnsupportedMediaType", "The Content-Type header is required; set it to"
                        + " application/xml.");
            }
            return;
        }
        int semicolon = value.indexOf(';');
        String mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/xml")) {
            String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
            throw new ApiException(415, "UnsupportedMediaType", "The Content-Type '" + shown + "' is not supported;"
                    + " use application/xml.");
        }
    }

    /**
     * Reads the body as {@code type}.
     *
     * @throws ApiException 413 {@code RequestEntityTooLarge} over {@link #MAX_BODY_BYTES}; 400 {@code InvalidXmlRequest}
     *                      when missing, malformed, or carrying a DTD or an unexpected root element
     */
    static <T> T read(ServerRequest request, Class<T> type) {
        byte[] body = Bodies.bytes(request, MAX_BODY_BYTES);
        if (body.length == 0) {
            throw new ApiException(400, "InvalidXmlRequest", "The request body is missing; send a <"
                    + rootName(type) + "> document.");
        }
        try {
            return Xml.read(body, type);
        } catch (XmlRejectedException e) {
            throw new ApiException(400, "InvalidXmlRequest", "The request body's XML is invalid: " + e.getMessage());
        }
    }

    /** Sends {@code body} as XML with {@code status}. */
    static void send(ServerResponse response, int status, Object body) {
        send(response, status, write(body));
    }

    /** Sends an already serialized document. */
    static void send(ServerResponse response, int status, String xml) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        response.send(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String write(Object body) {
        try {
            return Xml.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an XML answer", e);
        }
    }

    private static String rootName(Class<?> type) {
        var root = type.getAnnotation(com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement.class);
        return root == null ? type.getSimpleName() : root.localName();
    }
}

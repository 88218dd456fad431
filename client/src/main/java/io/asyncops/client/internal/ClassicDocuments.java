package io.asyncops.client.internal;

import io.asyncops.protocol.ArmError;
import io.asyncops.protocol.classic.ClassicOperationStatus;
import io.asyncops.protocol.classic.ServiceManagementError;
import io.asyncops.protocol.classic.ServiceManagementOperation;
import io.asyncops.protocol.classic.Xml;
import io.asyncops.protocol.classic.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the classic Service Management status documents into a status and an ARM-shaped error. */
public final class ClassicDocuments {
    private ClassicDocuments() {
    }

    /** A classic status: {@code InProgress}, {@code Succeeded} or {@code Failed}, and the error when failed. */
    public record Status(String status, ArmError error) {
    }

    /**
     * Reads {@code <OperationStatus>} (BizTalk) or {@code <Operation>} (Service Management), whichever the body is.
     *
     * @throws XmlRejectedException when the body is neither, or not well-formed XML
     */
    public static Status read(String body) {
        if (body == null || body.isBlank()) {
            throw new XmlRejectedException("The status document is empty.");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String root = rootName(body);
        if ("Operation".equals(root)) {
            ServiceManagementOperation op = Xml.read(bytes, ServiceManagementOperation.class);
            if (op.status() == null || op.status().isBlank()) {
                throw new XmlRejectedException("The <Operation> document has no <Status>.");
            }
            ArmError error = op.error() == null ? null : new ArmError(
                    nonBlank(op.error().code(), op.httpStatusCode() != null ? "HTTP" + op.httpStatusCode() : "Failed"),
                    op.error().message(), null, List.of());
            return new Status(op.status().trim(), error);
        }
        if ("OperationStatus".equals(root)) {
            ClassicOperationStatus s = Xml.read(bytes, ClassicOperationStatus.class);
            if (s.result() == null || s.result().isBlank()) {
                throw new XmlRejectedException("The <OperationStatus> document has no <Result>.");
            }
            ArmError error = null;
            if (s.error() != null) {
                String code = nonBlank(s.error().extendedCode(),
                        s.error().httpCode() != null ? "HTTP" + s.error().httpCode() : "Failed");
                error = new ArmError(code, s.error().message(), null, List.of());
            }
            return new Status(s.result().trim(), error);
        }
        throw new XmlRejectedException("Expected an <OperationStatus> or <Operation> document, found <" + root + ">.");
    }

    /** The classic error body {@code <Error><Code/><Message/></Error>} as an ARM error, or null when it is not one. */
    public static ArmError error(String body) {
        if (body == null || !"Error".equals(rootName(body))) {
            return null;
        }
        try {
            ServiceManagementError e = Xml.read(body.getBytes(StandardCharsets.UTF_8), ServiceManagementError.class);
            return e.code() == null ? null : new ArmError(e.code(), e.message(), null, List.of());
        } catch (XmlRejectedException notXml) {
            return null;
        }
    }

    private static String nonBlank(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.trim();
    }

    /** The local name of the first element, or "" — cheap, before the real (hardened) parse. */
    static String rootName(String xml) {
        int i = 0;
        while (true) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= xml.length()) {
                return "";
            }
            char c = xml.charAt(i + 1);
            if (c != '?' && c != '!') {
                int end = i + 1;
                while (end < xml.length() && !Character.isWhitespace(xml.charAt(end)) && xml.charAt(end) != '>'
                        && xml.charAt(end) != '/') {
                    end++;
                }
                String name = xml.substring(i + 1, end);
                int colon = name.indexOf(':');
                return colon >= 0 ? name.substring(colon + 1) : name;
            }
            i++;
        }
    }
}

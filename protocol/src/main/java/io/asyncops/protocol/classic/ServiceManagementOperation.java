package io.asyncops.protocol.classic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The generic Service Management status document, {@code GET /{subscription-id}/operations/{request-id}}:
 * {@code <Operation><ID/><Status>InProgress|Succeeded|Failed</Status><HttpStatusCode/><Error>...</Error></Operation>}.
 */
@JacksonXmlRootElement(localName = "Operation", namespace = Xml.NAMESPACE)
@JsonPropertyOrder({"ID", "Status", "HttpStatusCode", "Error"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceManagementOperation(
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "ID") String id,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Status") String status,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "HttpStatusCode") Integer httpStatusCode,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Error") Error error) {

    /** The failure detail of a failed operation. */
    @JsonPropertyOrder({"Code", "Message"})
    public record Error(
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Code") String code,
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Message") String message) {
    }
}

package io.asyncops.protocol.classic;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The classic plane's error body: {@code <Error xmlns="http://schemas.microsoft.com/windowsazure"><Code/><Message/></Error>}. */
@JacksonXmlRootElement(localName = "Error", namespace = Xml.NAMESPACE)
@JsonPropertyOrder({"Code", "Message"})
public record ServiceManagementError(
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Code") String code,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Message") String message) {
}

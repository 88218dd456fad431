package io.asyncops.protocol.classic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * BizTalk Services' answer to {@code ?OperationStatus/{request-id}}:
 * {@code <OperationStatus><Result>InProgress|Succeeded|Failed</Result><Error>...</Error></OperationStatus>}.
 * {@code Error} is present only when the result is {@code Failed}.
 */
@JacksonXmlRootElement(localName = "OperationStatus")
@JsonPropertyOrder({"Result", "Error"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassicOperationStatus(
        @JacksonXmlProperty(localName = "Result") String result,
        @JacksonXmlProperty(localName = "Error") Error error) {

    /** The failure detail of a failed operation. */
    @JsonPropertyOrder({"HttpCode", "Message", "ExtendedCode"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(
            @JacksonXmlProperty(localName = "HttpCode") Integer httpCode,
            @JacksonXmlProperty(localName = "Message") String message,
            @JacksonXmlProperty(localName = "ExtendedCode") String extendedCode) {
    }
}

package io.asyncops.protocol.classic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/**
 * A BizTalk Services deployment as the classic plane exchanges it: the body of
 * {@code PUT .../resources/biztalkservices/biztalk/{resource-name}} and the answer of a {@code GET} on the same URL.
 *
 * <pre>{@code
 * <Resource xmlns="http://schemas.microsoft.com/windowsazure">
 *   <Name>mybiztalkservice</Name><Type>biztalk</Type><Plan>Standard</Plan><SchemaVersion>1.0</SchemaVersion>
 *   <IntrinsicSettings><Edition>Standard</Edition><Region>West US</Region></IntrinsicSettings>
 *   <Tags><Tag><Key>asyncops-fault</Key><Value>SomeErrorCode</Value></Tag></Tags>
 * </Resource>
 * }</pre>
 *
 * <p>A request carries the configuration; an answer adds what the service reports: {@code ETag}, {@code State}
 * (e.g. {@code Creating}, {@code Active}), the last management operation in {@code OperationStatus} and the
 * {@code OutputItems} (the service's URL). Absent elements are null.
 *
 * @param name              the resource name, as in the URL
 * @param type              always {@code biztalk}
 * @param plan              the plan, one of {@code Free|Developer|Basic|Standard|Premium}
 * @param schemaVersion     {@code 1.0}
 * @param etag              changes with every change of the resource (answers only)
 * @param state             the service's state (answers only)
 * @param intrinsicSettings the edition and region
 * @param operationStatus   the last management operation on the service (answers only)
 * @param outputItems       what the service exposes once provisioned (answers only)
 * @param tags              key/value tags; the tag {@code asyncops-fault} makes the operation fail on purpose
 */
@JacksonXmlRootElement(localName = "Resource", namespace = Xml.NAMESPACE)
@JsonPropertyOrder({"Name", "Type", "Plan", "SchemaVersion", "ETag", "State", "IntrinsicSettings", "OperationStatus",
        "OutputItems", "Tags"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BizTalkResource(
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Name") String name,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Type") String type,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Plan") String plan,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "SchemaVersion") String schemaVersion,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "ETag") String etag,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "State") String state,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "IntrinsicSettings")
        IntrinsicSettings intrinsicSettings,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "OperationStatus") LastOperation operationStatus,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "OutputItems") OutputItems outputItems,
        @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Tags") Tags tags) {

    /** The shape of a create request: configuration only. */
    public static BizTalkResource request(String name, String plan, String edition, String region,
                                          List<KeyValue> tags) {
        return new BizTalkResource(name, "biztalk", plan, "1.0", null, null, new IntrinsicSettings(edition, region),
                null, null, tags == null || tags.isEmpty() ? null : new Tags(tags));
    }

    /** The tags as a list, empty when there are none. */
    public List<KeyValue> tagList() {
        return tags == null || tags.tag() == null ? List.of() : tags.tag();
    }

    /** The output items as a list, empty when there are none. */
    public List<KeyValue> outputItemList() {
        return outputItems == null || outputItems.outputItem() == null ? List.of() : outputItems.outputItem();
    }

    /**
     * The edition and region of the deployment.
     *
     * @param edition {@code Free|Developer|Basic|Standard|Premium}
     * @param region  an Azure region by its display name, e.g. {@code West US}
     */
    @JsonPropertyOrder({"Edition", "Region"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntrinsicSettings(
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Edition") String edition,
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Region") String region) {
    }

    /**
     * The last management operation on the service.
     *
     * @param type   {@code Create}, {@code Restart} or {@code Delete}
     * @param result {@code InProgress}, {@code Succeeded} or {@code Failed}
     * @param error  why it failed, null unless {@code Failed}
     */
    @JsonPropertyOrder({"Type", "Result", "Error"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastOperation(
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Type") String type,
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Result") String result,
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Error") Error error) {

        /** As in {@link ClassicOperationStatus.Error}, in the Service Management namespace. */
        @JsonPropertyOrder({"HttpCode", "Message", "ExtendedCode"})
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Error(
                @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "HttpCode") Integer httpCode,
                @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Message") String message,
                @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "ExtendedCode") String extendedCode) {
        }
    }

    /** {@code <Tags><Tag>...</Tag>...</Tags>}. */
    public record Tags(
            @JacksonXmlElementWrapper(useWrapping = false)
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Tag") List<KeyValue> tag) {
    }

    /** {@code <OutputItems><OutputItem>...</OutputItem>...</OutputItems>}. */
    public record OutputItems(
            @JacksonXmlElementWrapper(useWrapping = false)
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "OutputItem") List<KeyValue> outputItem) {
    }

    /** A tag or an output item. */
    @JsonPropertyOrder({"Key", "Value"})
    public record KeyValue(
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Key") String key,
            @JacksonXmlProperty(namespace = Xml.NAMESPACE, localName = "Value") String value) {
    }
}

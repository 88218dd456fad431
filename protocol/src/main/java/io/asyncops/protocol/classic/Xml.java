package io.asyncops.protocol.classic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML mapper of the classic plane. Rule: no DTD processing and no external entities, ever; and
 * {@link #read(byte[], Class)} refuses any document that carries a DOCTYPE, so an XXE or entity-expansion
 * ("billion laughs") document is an error, never expanded.
 */
public final class Xml {
    /** The Service Management namespace that classic documents use as their default namespace. */
    public static final String NAMESPACE = "http://schemas.microsoft.com/windowsazure";

    private static final XMLInputFactory INPUT = hardenedInputFactory();
    private static final XmlMapper MAPPER = newMapper();

    private Xml() {
    }

    /** A shared, thread-safe, hardened mapper, for writing and for trusted input. Do not reconfigure it. */
    public static XmlMapper mapper() {
        return MAPPER;
    }

    /** A new hardened mapper. */
    public static XmlMapper newMapper() {
        XmlMapper mapper = new XmlMapper(XmlFactory.builder().xmlInputFactory(hardenedInputFactory()).build());
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }

    /**
     * Reads untrusted XML.
     *
     * @throws XmlRejectedException when the document is malformed or declares a DTD
     */
    public static <T> T read(byte[] document, Class<T> type) {
        try {
            XMLStreamReader raw = INPUT.createXMLStreamReader(new ByteArrayInputStream(document));
            XMLStreamReader noDtd = INPUT.createFilteredReader(raw, reader -> {
                if (reader.getEventType() == XMLStreamConstants.DTD) {
                    throw new XmlRejectedException("Document type declarations are not allowed.");
                }
                return true;
            });
            return MAPPER.readValue(noDtd, type);
        } catch (XmlRejectedException e) {
            throw e;
        } catch (XMLStreamException | IOException | RuntimeException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof XmlRejectedException rejected) {
                    throw rejected;
                }
                cause = cause.getCause();
            }
            throw new XmlRejectedException("The request body is not well-formed XML of the expected shape.", e);
        }
    }

    private static XMLInputFactory hardenedInputFactory() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return input;
    }
}

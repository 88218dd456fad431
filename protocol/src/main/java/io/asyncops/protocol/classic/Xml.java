package io.asyncops.protocol.classic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML mapper of the classic plane. Rule: no DTD processing and no external entities, ever; and
 * {@link #read(byte[], Class)} refuses any document that carries a DOCTYPE or a reference to an entity other than the
 * predefined ones, so an XXE or entity-expansion ("billion laughs") document is an error, never expanded. Control
 * characters are refused on input (an XML 1.1 document may carry {@code &#1;}) and replaced by U+FFFD on output, so
 * a document this mapper writes is always well-formed XML 1.0, whatever text an error message echoes.
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
        mapper.registerModule(new SimpleModule("xml-1.0-text").addSerializer(String.class, new XmlText()));
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }

    /**
     * Reads untrusted XML. Rules: no DOCTYPE; well-formed to the last byte (nothing after the root element); when
     * {@code type} names its root element ({@link JacksonXmlRootElement}), the document's root has that local name
     * and is in the Service Management namespace, in the type's own namespace, or in none (both forms occur in
     * Azure's documents).
     *
     * @throws XmlRejectedException when the document is malformed, declares a DTD or has another root element
     */
    public static <T> T read(byte[] document, Class<T> type) {
        JacksonXmlRootElement root = type.getAnnotation(JacksonXmlRootElement.class);
        try {
            XMLStreamReader raw = INPUT.createXMLStreamReader(new ByteArrayInputStream(document));
            boolean[] rootSeen = {false};
            XMLStreamReader checked = INPUT.createFilteredReader(raw, reader -> {
                int event = reader.getEventType();
                if (event == XMLStreamConstants.DTD) {
                    throw new XmlRejectedException("Document type declarations are not allowed.");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XmlRejectedException("The entity reference '&" + reader.getLocalName()
                            + ";' is not allowed; only the predefined entities and character references are.");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!rootSeen[0]) {
                        rootSeen[0] = true;
                        checkRoot(root, reader.getLocalName(), reader.getNamespaceURI());
                    }
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        checkCharacters(reader.getAttributeValue(i));
                    }
                }
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    checkCharacters(reader.getText());
                }
                return true;
            });
            T value = MAPPER.readValue(checked, type);
            while (checked.hasNext()) {
                checked.next();
            }
            return value;
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

    /** Refuses the control characters XML 1.0 cannot carry (an XML 1.1 document may, as character references). */
    private static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                throw new XmlRejectedException(String.format("The document contains the control character U+%04X,"
                        + " which this API does not accept.", (int) c));
            }
        }
    }

    private static void checkRoot(JacksonXmlRootElement expected, String localName, String namespace) {
        if (expected == null || expected.localName().isEmpty()) {
            return;
        }
        String ns = namespace == null ? "" : namespace;
        if (!expected.localName().equals(localName)) {
            throw new XmlRejectedException("The root element must be <" + expected.localName() + ">, not <"
                    + localName + ">.");
        }
        if (!ns.isEmpty() && !ns.equals(NAMESPACE) && !ns.equals(expected.namespace())) {
            throw new XmlRejectedException("The element <" + localName + "> must be in the namespace '" + NAMESPACE
                    + "' (or in none), not in '" + ns + "'.");
        }
    }

    /** {@code text} with U+FFFD for every character XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/F). */
    public static String xml10(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && !Character.isLowSurrogate(c)
                        && c != '\uFFFE' && c != '\uFFFF';
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Writes every string through {@link #xml10}: a document this mapper writes is always well-formed. */
    private static final class XmlText extends StdSerializer<String> {
        private static final long serialVersionUID = 1L;

        XmlText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(xml10(value));
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

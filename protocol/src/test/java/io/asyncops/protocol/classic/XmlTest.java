package io.asyncops.protocol.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void writesOperationStatusAsTheSeedShowsIt() throws Exception {
        String xml = Xml.mapper().writeValueAsString(new ClassicOperationStatus("Failed",
                new ClassicOperationStatus.Error(409, "The name is taken.", "01001")));
        assertThat(xml).isEqualTo("<OperationStatus><Result>Failed</Result><Error><HttpCode>409</HttpCode>"
                + "<Message>The name is taken.</Message><ExtendedCode>01001</ExtendedCode></Error></OperationStatus>");
    }

    @Test
    void omitsErrorWhileRunning() throws Exception {
        assertThat(Xml.mapper().writeValueAsString(new ClassicOperationStatus("InProgress", null)))
                .isEqualTo("<OperationStatus><Result>InProgress</Result></OperationStatus>");
    }

    @Test
    void writesOperationInTheServiceManagementNamespace() throws Exception {
        String xml = Xml.mapper().writeValueAsString(new ServiceManagementOperation("abc", "Succeeded", 200, null));
        assertThat(xml).startsWith("<Operation xmlns=\"" + Xml.NAMESPACE + "\">").contains("<ID>abc</ID>").doesNotContain("xmlns=\"\"");
        ServiceManagementOperation back = Xml.mapper().readValue(xml, ServiceManagementOperation.class);
        assertThat(back).isEqualTo(new ServiceManagementOperation("abc", "Succeeded", 200, null));
    }

    @Test
    void writesWellFormedXmlWhateverTheTextHolds() throws Exception {
        String xml = Xml.mapper().writeValueAsString(new ServiceManagementError("NotFound",
                "The operation 'a\u0001b\u000bc\ud800' was not found; \ud83d\ude00 \t kept."));
        assertThat(xml).contains("'a\ufffdb\ufffdc\ufffd' was not found; \ud83d\ude00 \t kept.");
        assertThat(Xml.read(xml.getBytes(StandardCharsets.UTF_8), ServiceManagementError.class).code())
                .isEqualTo("NotFound");
    }

    @Test
    void refusesControlCharactersAnXml11DocumentCarries() {
        String doc = "<?xml version=\"1.1\"?><OperationStatus><Result>a&#1;b</Result></OperationStatus>";
        assertThatThrownBy(() -> Xml.read(doc.getBytes(StandardCharsets.UTF_8), ClassicOperationStatus.class))
                .isInstanceOf(XmlRejectedException.class).hasMessageContaining("U+0001");
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<OperationStatus><Result>&x;</Result></OperationStatus>";
        assertThatThrownBy(() -> Xml.read(xxe.getBytes(StandardCharsets.UTF_8), ClassicOperationStatus.class))
                .isInstanceOf(XmlRejectedException.class)
                .hasMessageContaining("Document type declarations");
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<OperationStatus><Result>&b;</Result></OperationStatus>";
        assertThatThrownBy(() -> Xml.read(laughs.getBytes(StandardCharsets.UTF_8), ClassicOperationStatus.class))
                .isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void refusesMalformedDocuments() {
        assertThatThrownBy(() -> Xml.read("<OperationStatus><Result>".getBytes(StandardCharsets.UTF_8),
                ClassicOperationStatus.class)).isInstanceOf(XmlRejectedException.class)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void readsTheSeedsDocument() {
        String seed = "<OperationStatus>\n  <Result>Succeeded</Result>\n</OperationStatus>";
        assertThat(Xml.read(seed.getBytes(StandardCharsets.UTF_8), ClassicOperationStatus.class))
                .isEqualTo(new ClassicOperationStatus("Succeeded", null));
    }
}

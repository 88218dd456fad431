package io.asyncops.protocol.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BizTalkResourceTest {
    private static final String PROTOCOL_EXAMPLE = """
            <Resource xmlns="http://schemas.microsoft.com/windowsazure">
              <Name>mybiztalkservice</Name><Type>biztalk</Type><Plan>Standard</Plan><SchemaVersion>1.0</SchemaVersion>
              <IntrinsicSettings><Edition>Standard</Edition><Region>West US</Region></IntrinsicSettings>
              <Tags><Tag><Key>asyncops-fault</Key><Value>SomeErrorCode</Value></Tag></Tags>
            </Resource>""";

    private static BizTalkResource read(String xml) {
        return Xml.read(xml.getBytes(StandardCharsets.UTF_8), BizTalkResource.class);
    }

    @Test
    void readsTheProtocolsExample() {
        BizTalkResource r = read(PROTOCOL_EXAMPLE);
        assertThat(r.name()).isEqualTo("mybiztalkservice");
        assertThat(r.type()).isEqualTo("biztalk");
        assertThat(r.plan()).isEqualTo("Standard");
        assertThat(r.schemaVersion()).isEqualTo("1.0");
        assertThat(r.intrinsicSettings()).isEqualTo(new BizTalkResource.IntrinsicSettings("Standard", "West US"));
        assertThat(r.tagList()).containsExactly(new BizTalkResource.KeyValue("asyncops-fault", "SomeErrorCode"));
        assertThat(r.state()).isNull();
    }

    @Test
    void readsTheSameDocumentWithoutANamespaceAsAzuresOwnExamplesWriteIt() {
        BizTalkResource r = read("<Resource xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<SchemaVersion>1.0</SchemaVersion><Plan>Premium</Plan></Resource>");
        assertThat(r.plan()).isEqualTo("Premium");
        assertThat(r.tagList()).isEmpty();
    }

    @Test
    void readsSeveralTagsAndPredefinedEntities() {
        BizTalkResource r = read("<Resource><Tags><Tag><Key>a</Key><Value>1 &amp; 2</Value></Tag>"
                + "<Tag><Key>b</Key><Value></Value></Tag></Tags></Resource>");
        assertThat(r.tagList()).extracting(BizTalkResource.KeyValue::key).containsExactly("a", "b");
        assertThat(r.tagList().get(0).value()).isEqualTo("1 & 2");
    }

    @Test
    void writesAnAnswerInTheServiceManagementNamespaceInDocumentOrder() throws Exception {
        BizTalkResource answer = new BizTalkResource("svc123", "biztalk", "Basic", "1.0", "e1", "Active",
                new BizTalkResource.IntrinsicSettings("Basic", "West US"),
                new BizTalkResource.LastOperation("Create", "Failed",
                        new BizTalkResource.LastOperation.Error(400, "boom", "SomeErrorCode")),
                new BizTalkResource.OutputItems(List.of(
                        new BizTalkResource.KeyValue("ServiceUrl", "https://svc123.biztalk.windows.net/default/"))),
                new BizTalkResource.Tags(List.of(new BizTalkResource.KeyValue("env", "test"))));
        String xml = Xml.mapper().writeValueAsString(answer);
        assertThat(xml).startsWith("<Resource xmlns=\"" + Xml.NAMESPACE + "\"><Name>svc123</Name><Type>biztalk</Type>"
                        + "<Plan>Basic</Plan><SchemaVersion>1.0</SchemaVersion><ETag>e1</ETag><State>Active</State>")
                .contains("<OperationStatus><Type>Create</Type><Result>Failed</Result><Error><HttpCode>400</HttpCode>")
                .contains("<OutputItems><OutputItem><Key>ServiceUrl</Key>")
                .contains("<Tags><Tag><Key>env</Key><Value>test</Value></Tag></Tags>")
                .doesNotContain("xmlns=\"\"");
        assertThat(read(xml)).isEqualTo(answer);
    }

    @Test
    void refusesAnotherRootElement() {
        assertThatThrownBy(() -> read("<Service><Plan>Standard</Plan></Service>"))
                .isInstanceOf(XmlRejectedException.class).hasMessageContaining("<Resource>");
    }

    @Test
    void refusesAnotherNamespace() {
        assertThatThrownBy(() -> read("<Resource xmlns=\"urn:evil\"><Plan>Standard</Plan></Resource>"))
                .isInstanceOf(XmlRejectedException.class).hasMessageContaining("urn:evil");
        assertThatThrownBy(() -> read("<p:Resource xmlns:p=\"http://example.com/x\"/>"))
                .isInstanceOf(XmlRejectedException.class).hasMessageContaining("namespace");
    }

    @Test
    void refusesContentAfterTheRootElement() {
        assertThatThrownBy(() -> read("<Resource><Plan>Standard</Plan></Resource><Resource/>"))
                .isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> read("<Resource><Plan>Standard</Plan></Resource>trailing"))
                .isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void refusesTruncatedDocuments() {
        String truncated = PROTOCOL_EXAMPLE.substring(0, PROTOCOL_EXAMPLE.indexOf("</IntrinsicSettings>"));
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(XmlRejectedException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void refusesExternalEntitiesOfEveryKind() {
        String file = "<?xml version=\"1.0\"?><!DOCTYPE Resource [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<Resource><Name>&x;</Name></Resource>";
        String http = "<?xml version=\"1.0\"?><!DOCTYPE Resource [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>"
                + "<Resource><Name>&x;</Name></Resource>";
        String parameter = "<?xml version=\"1.0\"?><!DOCTYPE Resource [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\">"
                + " %p;]><Resource/>";
        String externalDtd = "<?xml version=\"1.0\"?><!DOCTYPE Resource SYSTEM \"http://127.0.0.1:9/r.dtd\"><Resource/>";
        for (String hostile : List.of(file, http, parameter, externalDtd)) {
            assertThatThrownBy(() -> read(hostile)).as(hostile).isInstanceOf(XmlRejectedException.class)
                    .hasMessageContaining("Document type declarations");
        }
    }

    @Test
    void refusesUndeclaredEntities() {
        assertThatThrownBy(() -> read("<Resource><Name>&x;</Name></Resource>"))
                .isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = "lol" + i;
        }
        dtd.append("]><Resource><Name>&").append(previous).append(";</Name></Resource>");
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(dtd.toString())).isInstanceOf(XmlRejectedException.class);
        assertThat(System.nanoTime() - start).as("refused without expanding").isLessThan(2_000_000_000L);
    }

    @Test
    void refusesAbsurdNesting() {
        String deep = "<Resource>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</Resource>";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void refusesValuesOfTheWrongShape() {
        byte[] doc = ("<OperationStatus><Result>Failed</Result><Error><HttpCode>abc</HttpCode></Error>"
                + "</OperationStatus>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Xml.read(doc, ClassicOperationStatus.class))
                .isInstanceOf(XmlRejectedException.class);
    }
}

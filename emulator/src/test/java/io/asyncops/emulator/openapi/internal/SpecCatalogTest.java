package io.asyncops.emulator.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecCatalogTest {
    private final SpecCatalog catalog = TestSpecs.widgets();

    @Test
    void aFolderIsSearchedRecursivelyAndItsExamplesAreSkipped() {
        // examples/WidgetCreate.json is not JSON: reading it would fail the load
        assertThat(catalog.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("common.json", "widgets.json");
    }

    @Test
    void operationsAreGroupedIntoTheResourceTypeTheirPathsAddress() {
        SpecType widgets = catalog.type(TestSpecs.WIDGETS);
        assertThat(widgets).isNotNull();
        assertThat(widgets.inResourceGroup()).isTrue();
        SpecType.Version v = widgets.versions().get("2024-01-01");
        assertThat(v.verbs()).containsOnlyKeys("PUT", "PATCH", "GET", "DELETE");
        assertThat(v.collections()).extracting(SpecOperation::operationId)
                .containsExactlyInAnyOrder("Widgets_ListByResourceGroup", "Widgets_List");
        assertThat(v.actions()).containsOnlyKeys("listkeys", "restart");
        assertThat(catalog.providerOperations().get("contoso.widgets")).extracting(SpecOperation::operationId)
                .containsExactly("Widgets_CheckNameAvailability");
        assertThat(catalog.skipped()).containsExactly("GET /providers/Contoso.Widgets/operations");
        assertThat(catalog.apiVersionsByNamespace()).containsOnlyKeys("Contoso.Widgets");
    }

    @Test
    void longRunningMarksFinalStateViaDeclaredCodesAndPagingAreRead() {
        SpecType.Version v = catalog.type(TestSpecs.WIDGETS).versions().get("2024-01-01");
        SpecOperation put = v.verb("PUT");
        assertThat(put.longRunning()).isTrue();
        assertThat(put.finalStateVia()).isEqualTo("azure-async-operation");
        assertThat(put.codes()).containsExactly(200, 201);
        assertThat(put.bodyRequired()).isTrue();
        assertThat(v.verb("PATCH").longRunning()).isFalse();
        assertThat(v.verb("DELETE").codes()).containsExactly(200, 202, 204);
        assertThat(v.verb("DELETE").resultSchema()).isNull();
        assertThat(v.actions().get("restart").finalStateVia()).isEqualTo("location");
        assertThat(v.collections().get(0).pageable().nextLinkName()).isEqualTo("nextLink");
        assertThat(v.collections().get(0).pageable().itemName()).isEqualTo("value");
    }

    @Test
    void crossFileReferencesAreResolvedRelativeToTheirFile() {
        SpecOperation put = catalog.type(TestSpecs.WIDGETS).versions().get("2024-01-01").verb("PUT");
        Schema widget = put.body();
        assertThat(widget.name()).isEqualTo("Widget");
        // from common-types (allOf TrackedResource, itself allOf Resource)
        assertThat(widget.properties()).containsKeys("id", "name", "type", "systemData", "tags", "location", "sku",
                "properties");
        assertThat(widget.required()).contains("location");
        // from the sibling common.json
        assertThat(widget.property("sku").schema().location()).endsWith("common.json#/definitions/Sku");
        // path parameters from both files, with their patterns
        assertThat(put.pathParameters()).extracting(SpecOperation.PathParameter::name)
                .containsExactly("subscriptionId", "resourceGroupName", "widgetName");
        assertThat(put.pathParameters().get(2).schema().pattern().pattern()).isEqualTo("^[a-z][a-z0-9-]{2,23}$");
        assertThat(put.apiVersion()).isEqualTo("2024-01-01");
    }

    @Test
    void marksBesideAReferenceAndOnPropertiesAreKept() {
        Schema props = TestSpecs.widgets().type(TestSpecs.WIDGETS).versions().get("2024-01-01").verb("PUT").body()
                .property("properties").schema();
        assertThat(props.property("endpoints").readOnly()).isTrue();           // "readOnly" next to a $ref
        assertThat(props.property("endpoints").schema().readOnly()).isFalse(); // the definition itself is not
        assertThat(props.property("zone").createOnly()).isTrue();
        assertThat(props.property("adminPassword").secret()).isTrue();
        assertThat(props.property("color").schema().modelAsString()).isTrue();
        assertThat(props.property("shape").schema().modelAsString()).isFalse();
        Schema gadget = props.property("gadgets").schema().items();
        assertThat(gadget.discriminator()).isEqualTo("kind");
        assertThat(gadget.forDiscriminatorValue("spring").name()).isEqualTo("Spring");
        assertThat(gadget.forDiscriminatorValue("spring").required()).contains("kind", "name", "tension");
    }

    @Test
    void pathTemplatesAreClassifiedAsArmLaysPathsOut() {
        PathTemplate instance = PathTemplate.parse("/subscriptions/{s}/resourceGroups/{g}/providers/A.B/x/{n}/y/{m}",
                "PUT");
        assertThat(instance.shape()).isEqualTo(PathTemplate.Shape.INSTANCE);
        assertThat(instance.resourceType()).isEqualTo("A.B/x/y");
        assertThat(instance.match("/SUBSCRIPTIONS/1/resourcegroups/rg/providers/a.b/X/n1/Y/m1"))
                .containsExactly("1", "rg", "n1", "m1");
        assertThat(instance.match("/subscriptions/1/resourceGroups/rg/providers/A.B/x/n1")).isNull();
        PathTemplate list = PathTemplate.parse("/subscriptions/{s}/providers/A.B/x", "GET");
        assertThat(list.shape()).isEqualTo(PathTemplate.Shape.COLLECTION);
        assertThat(list.resourceType()).isEqualTo("A.B/x");
        PathTemplate action = PathTemplate.parse("/subscriptions/{s}/resourceGroups/{g}/providers/A.B/x/{n}/listKeys",
                "POST");
        assertThat(action.shape()).isEqualTo(PathTemplate.Shape.ACTION);
        assertThat(action.resourceType()).isEqualTo("A.B/x");
        assertThat(action.actionName()).isEqualTo("listKeys");
        PathTemplate singleton = PathTemplate.parse(
                "/subscriptions/{s}/resourceGroups/{g}/providers/A.B/x/{n}/services/default", "GET");
        assertThat(singleton.shape()).isEqualTo(PathTemplate.Shape.INSTANCE);
        assertThat(singleton.resourceType()).isEqualTo("A.B/x/services");
        for (String unserved : List.of("/providers/A.B/operations", "/{scope}/providers/A.B/x/{n}",
                "/subscriptions/{s}/providers/{namespace}/x/{n}", "/subscriptions/{s}/resourcegroups/{g}")) {
            assertThat(PathTemplate.parse(unserved, "GET")).as(unserved).isNull();
        }
    }
}

package io.asyncops.emulator.openapi.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The small specs under {@code src/test/resources/openapi}, written for these tests in azure-rest-api-specs' layout.
 */
final class TestSpecs {
    static final String WIDGETS = "Contoso.Widgets/widgets";

    private TestSpecs() {
    }

    static Path root() {
        try {
            return Path.of(TestSpecs.class.getResource("/openapi/specification").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path widgetsFolder() {
        return root().resolve("widgets/resource-manager/Contoso.Widgets/stable/2024-01-01");
    }

    static SpecCatalog widgets() {
        return SpecCatalog.load(List.of(widgetsFolder()));
    }
}

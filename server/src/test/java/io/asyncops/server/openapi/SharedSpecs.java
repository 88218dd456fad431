package io.asyncops.server.openapi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Azure's published specs the end-to-end tests load: {@code ASYNCOPS_SPECS}, else {@code ../shared/specs} from the
 * repository root (they are MIT, from azure-rest-api-specs, and not copied into the project).
 */
final class SharedSpecs {
    static final String VARIABLE = "ASYNCOPS_SPECS";

    private SharedSpecs() {
    }

    /** The {@code specification} folder; the test is skipped, naming the variable, when there is none. */
    static Path specification() {
        String configured = System.getenv(VARIABLE);
        // tests run in server/: the repository root is ..
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "..", "shared",
                "specs");
        Path specification = root.resolve("specification");
        assumeTrue(Files.isDirectory(specification), "no Azure specs at " + root.toAbsolutePath().normalize()
                + ": set " + VARIABLE + " to a copy of azure-rest-api-specs (its specification/ folder inside)");
        return specification.toAbsolutePath().normalize();
    }
}

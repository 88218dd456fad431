package io.asyncops.emulator.openapi;

import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.openapi.internal.Assembly;
import io.asyncops.emulator.openapi.internal.SpecCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/**
 * Resource types from Azure's published OpenAPI (Swagger 2.0) specs, as the provider core serves them. Every
 * operation of a loaded spec under {@code /subscriptions/{subscriptionId}[/resourceGroups/{resourceGroupName}]
 * /providers/...} is served:
 * <ul>
 *   <li>each type a spec addresses one by one ({@code .../providers/Namespace/type/{name}}, or a fixed name such as
 *       {@code .../blobServices/default}) becomes a {@link ResourceType} with the spec's verbs, api-versions, lists
 *       and actions, its schemas (per api-version) as validation and response shape, and its
 *       {@code x-ms-long-running-operation} marks as the verbs' styles: a long-running PUT answers
 *       {@code 201}/{@code 200} with the resource when the spec declares {@code 201}, else {@code 202}; a
 *       long-running PATCH {@code 202} when declared, else {@code 200}; DELETE and POST {@code 202};
 *       {@code final-state-via} as the spec says; unmarked verbs are synchronous;</li>
 *   <li>a type in a provider's regions ({@code .../locations/{location}/deletedVaults/{name}}) is served there,
 *       and filled by soft delete where the schemas say so;</li>
 *   <li>what a provider computes (read-only child types, lists of no type such as {@code skus} and
 *       {@code usages}) and what acts on a resource with another verb ({@code PUT .../accessPolicies/add}) are
 *       actions of the resource or provider;</li>
 *   <li>{@code checkNameAvailability} answers from the store, {@code listKeys}/{@code regenerateKey} keep keys with
 *       the resource, other actions answer a deterministic body valid against their response schema.</li>
 * </ul>
 * A type the built-in providers describe keeps its built-in behaviour; what the spec adds to it (its other actions
 * and lists) is served on it.
 *
 * <pre>{@code
 * SpecProviders specs = SpecProviders.load(List.of(Path.of("specs/specification/storage")), Durations.defaults());
 * ResourceTypes types = ResourceTypes.of(specs.types(builtIn));
 * }</pre>
 */
public final class SpecProviders {
    private final SpecCatalog catalog;
    private final Durations durations;
    private final List<String> notServed = new ArrayList<>();

    private SpecProviders(SpecCatalog catalog, Durations durations) {
        this.catalog = catalog;
        this.durations = durations;
    }

    /**
     * Loads spec files and folders (folders recursively, {@code examples} skipped).
     *
     * @throws SpecLoadException naming the file, the JSON pointer and the reason
     */
    public static SpecProviders load(List<Path> specs, Durations durations) {
        Objects.requireNonNull(specs, "specs == null");
        return new SpecProviders(SpecCatalog.load(specs), Objects.requireNonNull(durations, "durations == null"));
    }

    /** The spec files read. */
    public List<Path> files() {
        return catalog.files();
    }

    /** The number of operations the specs describe on served paths. */
    public int operationCount() {
        return catalog.operationCount();
    }

    /** The namespaces described, with their api-versions. */
    public Map<String, ? extends SortedSet<String>> apiVersionsByNamespace() {
        return catalog.apiVersionsByNamespace();
    }

    /** What the last {@link #types} call could not serve, with why (tenant paths, types built in...). */
    public List<String> notServed() {
        List<String> all = new ArrayList<>(catalog.skipped());
        all.addAll(notServed);
        return Collections.unmodifiableList(all);
    }

    /**
     * Every type to serve: {@code builtIn} first, each with what its specs add to it, then the spec types, parents
     * before children.
     *
     * @throws IllegalStateException when the types do not fit together (a bug of the loader, not of a spec)
     */
    public List<ResourceType> types(Collection<ResourceType> builtIn) {
        notServed.clear();
        return Assembly.assemble(catalog, durations, builtIn, notServed);
    }
}

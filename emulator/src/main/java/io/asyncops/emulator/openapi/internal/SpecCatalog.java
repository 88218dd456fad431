package io.asyncops.emulator.openapi.internal;

import io.asyncops.emulator.openapi.SpecLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything the loaded spec files describe: resource types with their operations per api-version, provider-level
 * operations (such as {@code checkNameAvailability}), and what was skipped. Built by {@link #load}.
 */
public final class SpecCatalog {
    private final List<Path> files = new ArrayList<>();
    private final Map<String, SpecType> types = new LinkedHashMap<>();
    private final Map<String, List<SpecOperation>> providerOperations = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<SpecOperation> pendingCollections = new ArrayList<>();

    private SpecCatalog() {
    }

    /**
     * Loads spec files: each path is a file, or a folder searched recursively (its {@code examples} folders
     * skipped; JSON files there that are not Swagger documents ignored).
     *
     * @throws SpecLoadException naming the file, the JSON pointer and the reason, for the first spec that cannot be
     *                           loaded
     */
    public static SpecCatalog load(List<Path> paths) {
        SpecCatalog catalog = new SpecCatalog();
        Documents documents = new Documents();
        SchemaCompiler compiler = new SchemaCompiler(documents);
        SpecReader reader = new SpecReader(documents, compiler);
        List<Node> roots = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                Node root = documents.root(file);
                if (Files.isDirectory(path) && !root.json().has("swagger")) {
                    continue;
                }
                roots.add(root);
                catalog.files.add(root.file());
                reader.read(root, catalog::add, catalog.skipped::add);
            }
        }
        roots.forEach(compiler::collectSubtypes);
        catalog.pendingCollections.forEach(catalog::addCollection);
        catalog.pendingCollections.clear();
        return catalog;
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new SpecLoadException(path, "", "no such file or folder");
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(p -> !inExamples(path.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    private static boolean inExamples(Path relative) {
        for (Path part : relative) {
            if (part.toString().equalsIgnoreCase("examples")) {
                return true;
            }
        }
        return false;
    }

    private void add(SpecOperation op) {
        PathTemplate path = op.path();
        if (path.shape() == PathTemplate.Shape.ACTION && !path.underResource()) {
            providerOperations.computeIfAbsent(path.namespace().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(op);
            return;
        }
        if (path.shape() == PathTemplate.Shape.COLLECTION) {
            pendingCollections.add(op); // attached once every resource path is known
            return;
        }
        types.computeIfAbsent(key(path.resourceType(), path.resourceGroupScoped()),
                k -> new SpecType(path.resourceType(), path.namespace(), path.resourceGroupScoped())).add(op);
    }

    /**
     * A list belongs to the type of the same name in the same scope, else in the other: a subscription-wide list
     * of a type whose resources live in groups belongs to that type.
     */
    private void addCollection(SpecOperation op) {
        PathTemplate path = op.path();
        String same = key(path.resourceType(), path.resourceGroupScoped());
        String other = key(path.resourceType(), !path.resourceGroupScoped());
        String key = types.containsKey(same) || !types.containsKey(other) ? same : other;
        types.computeIfAbsent(key, k -> new SpecType(path.resourceType(), path.namespace(),
                path.resourceGroupScoped())).add(op);
    }

    private static String key(String type, boolean inGroup) {
        return type.toLowerCase(Locale.ROOT) + (inGroup ? "" : " (subscription)");
    }

    /** The spec files read (not the ones only referenced). */
    public List<Path> files() {
        return Collections.unmodifiableList(files);
    }

    /** Resource types by lower-cased name (suffixed " (subscription)" for subscription-level ones). */
    public Map<String, SpecType> types() {
        return Collections.unmodifiableMap(types);
    }

    /** A type whose resources live in resource groups, else a subscription-level one, or null. */
    public SpecType type(String name) {
        SpecType t = types.get(key(name, true));
        return t != null ? t : types.get(key(name, false));
    }

    /** Operations on a provider itself (e.g. {@code POST .../providers/NS/checkNameAvailability}), by namespace. */
    public Map<String, List<SpecOperation>> providerOperations() {
        return Collections.unmodifiableMap(providerOperations);
    }

    /** {@code "VERB path"} of operations not served from specs (tenant, scope or generic paths). */
    public List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /** The namespaces described, as spelled, with their api-versions. */
    public Map<String, TreeSet<String>> apiVersionsByNamespace() {
        Map<String, TreeSet<String>> out = new LinkedHashMap<>();
        types.values().forEach(t -> out.computeIfAbsent(t.namespace(), k -> new TreeSet<>())
                .addAll(t.versions().keySet()));
        providerOperations.values().forEach(ops -> ops.forEach(op -> out
                .computeIfAbsent(op.path().namespace(), k -> new TreeSet<>()).add(op.apiVersion())));
        return out;
    }

    /** The number of operations served. */
    public int operationCount() {
        int n = 0;
        for (SpecType t : types.values()) {
            for (SpecType.Version v : t.versions().values()) {
                n += v.verbs().size() + v.collections().size() + v.actions().size();
            }
        }
        for (List<SpecOperation> ops : providerOperations.values()) {
            n += ops.size();
        }
        return n;
    }
}

package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the operations of one Swagger 2.0 document: path-level and operation-level parameters (by {@code $ref} into
 * the same or another file), the body schema, declared responses, {@code x-ms-long-running-operation} with its
 * {@code final-state-via}, and {@code x-ms-pageable}. Every definition of the document is compiled too, so a broken
 * {@code $ref} anywhere fails loading, not a request later.
 */
final class SpecReader {
    private static final List<String> VERBS = List.of("get", "put", "patch", "delete", "post", "head");
    private final Documents documents;
    private final SchemaCompiler compiler;

    SpecReader(Documents documents, SchemaCompiler compiler) {
        this.documents = documents;
        this.compiler = compiler;
    }

    /**
     * Compiles the document's definitions and hands each served operation to {@code served}; operations on paths
     * the ARM plane does not serve from specs go to {@code skipped} as {@code "VERB path"}.
     */
    void read(Node root, Consumer<SpecOperation> served, Consumer<String> skipped) {
        String swagger = root.text("swagger");
        if (!"2.0".equals(swagger)) {
            throw root.error("swagger", swagger == null ? "not a Swagger 2.0 document (no \"swagger\": \"2.0\")"
                    : "unsupported version '" + swagger + "' (only Swagger 2.0 is)");
        }
        Node definitions = root.member("definitions");
        if (definitions != null) {
            for (var names = definitions.json().fieldNames(); names.hasNext(); ) {
                compiler.compile(definitions.member(names.next()));
            }
        }
        Node paths = root.member("paths");
        if (paths == null) {
            return;
        }
        String version = root.member("info") == null ? null : root.member("info").text("version");
        for (var it = paths.json().fieldNames(); it.hasNext(); ) {
            String template = it.next();
            Node pathItem = paths.member(template);
            for (String verb : VERBS) {
                Node op = pathItem.member(verb);
                if (op == null) {
                    continue;
                }
                String method = verb.toUpperCase(Locale.ROOT);
                PathTemplate path = PathTemplate.parse(template, method);
                if (path == null) {
                    skipped.accept(method + " " + template);
                    continue;
                }
                served.accept(operation(root, pathItem, op, method, path, version));
            }
        }
    }

    private SpecOperation operation(Node root, Node pathItem, Node op, String method, PathTemplate path,
                                    String infoVersion) {
        Map<String, Node> parameters = new LinkedHashMap<>();
        collect(pathItem.member("parameters"), parameters);
        collect(op.member("parameters"), parameters);
        Schema body = null;
        boolean bodyRequired = false;
        List<SpecOperation.PathParameter> pathParameters = new ArrayList<>();
        String apiVersion = infoVersion;
        for (Node p : parameters.values()) {
            String in = p.text("in");
            String name = p.text("name");
            if ("body".equals(in)) {
                Node schema = p.member("schema");
                if (schema == null) {
                    throw p.error(null, "a body parameter needs a schema");
                }
                body = compiler.compile(schema);
                bodyRequired = p.flag("required");
            } else if ("path".equals(in)) {
                pathParameters.add(new SpecOperation.PathParameter(name, compiler.compile(p)));
            } else if ("query".equals(in) && "api-version".equals(name)) {
                JsonNode values = p.json().get("enum");
                if (values != null && values.size() == 1) {
                    apiVersion = values.get(0).asText();
                }
            }
        }
        if (apiVersion == null) {
            throw root.error("info", "no api-version: the document has no info.version");
        }
        Map<Integer, Schema> responses = new LinkedHashMap<>();
        Schema errorSchema = null;
        Node declared = op.member("responses");
        if (declared == null) {
            throw op.error("responses", "an operation must declare its responses");
        }
        for (var codes = declared.json().fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.equals("default")) {
                Node error = documents.deref(declared.member(code)).member("schema");
                errorSchema = error == null ? null : compiler.compile(error);
                continue;
            }
            if (!code.matches("2\\d\\d")) {
                continue;
            }
            Node response = documents.deref(declared.member(code));
            Node schema = response.member("schema");
            responses.put(Integer.parseInt(code), schema == null ? null : compiler.compile(schema));
        }
        boolean lro = op.flag("x-ms-long-running-operation");
        String finalStateVia = null;
        Node options = op.member("x-ms-long-running-operation-options");
        if (options != null) {
            finalStateVia = options.text("final-state-via");
        }
        SpecOperation.Pageable pageable = null;
        Node paging = op.member("x-ms-pageable");
        if (paging != null) {
            String item = paging.text("itemName");
            pageable = new SpecOperation.Pageable(paging.text("nextLinkName"), item == null ? "value" : item);
        }
        return new SpecOperation(op.text("operationId"), method, path, apiVersion, lro, finalStateVia,
                java.util.Collections.unmodifiableMap(responses),
                body, bodyRequired, List.copyOf(pathParameters), pageable, errorSchema, op.file(), op.pointer());
    }

    /** Adds the (dereferenced) parameters of a list, a later one replacing an earlier of the same name and place. */
    private void collect(Node list, Map<String, Node> into) {
        if (list == null) {
            return;
        }
        if (!list.json().isArray()) {
            throw list.error(null, "parameters must be an array");
        }
        for (int i = 0; i < list.json().size(); i++) {
            Node p = documents.deref(list.element(i));
            String name = p.text("name");
            String in = p.text("in");
            if (name == null || in == null) {
                throw list.element(i).error(null, "a parameter needs a name and an 'in'");
            }
            into.put(in + ":" + name, p);
        }
    }
}

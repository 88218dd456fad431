package com.contoso.widgets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.Work;
import io.asyncops.emulator.WriteRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@code Contoso.Widgets/widgets}: a resource type of our own. A widget is a list of parts; creating or updating it
 * really builds it: each part is written to a file under the build directory, with progress, and the widget's body
 * gets the SHA-256 of the whole and its size. asyncops does the rest: validation of the envelope, the generic store,
 * {@code 201} + {@code Azure-AsyncOperation}, status monitors, etags, lists, deletes.
 */
public final class Widgets {
    private Widgets() {
    }

    /** The type, building widgets under {@code buildDir}. */
    public static ResourceType type(Path buildDir) {
        return ResourceType.builder("Contoso.Widgets/widgets", "/subscriptions/{subscriptionId}/resourceGroups"
                        + "/{resourceGroupName}/providers/Contoso.Widgets/widgets/{widgetName}")
                .apiVersions("2024-01-01")
                .put(VerbStyle.createdOrOk(Duration.ofSeconds(2)))
                .delete(VerbStyle.accepted(Duration.ofSeconds(1)))
                .hooks(new ResourceHooks() {
                    @Override
                    public ObjectNode normalize(WriteRequest request) {
                        JsonNode parts = request.body().at("/properties/parts");
                        if (!parts.isArray() || parts.isEmpty()) {
                            throw AzureException.badRequest("InvalidParts", "A widget needs properties.parts, a list"
                                    + " of strings.", "properties.parts");
                        }
                        return ResourceHooks.super.normalize(request);
                    }

                    @Override
                    public ObjectNode provision(Work work) throws Exception {
                        ObjectNode body = work.desired();
                        ArrayNode parts = (ArrayNode) body.at("/properties/parts");
                        Path dir = Files.createDirectories(buildDir.resolve(work.resource().name()));
                        MessageDigest sha = MessageDigest.getInstance("SHA-256");
                        long size = 0;
                        for (int i = 0; i < parts.size(); i++) {
                            byte[] bytes = parts.get(i).asText().getBytes(StandardCharsets.UTF_8);
                            Files.write(dir.resolve("part-" + i), bytes);
                            sha.update(bytes);
                            size += bytes.length;
                            work.context().progress(100.0 * (i + 1) / parts.size());
                            work.context().sleep(work.plan().duration().dividedBy(parts.size()));
                        }
                        body.withObjectProperty("properties")
                                .put("digest", HexFormat.of().formatHex(sha.digest()))
                                .put("size", size)
                                .put("builtAt", dir.toString());
                        return body;
                    }
                })
                .build();
    }
}

package io.asyncops.server.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.Resource;
import io.asyncops.server.spi.ApiException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} of ARM's resource lists, as {@code az resource list} writes it: conditions
 * {@code <field> eq '<value>'} joined by {@code and}, on {@code resourceGroup}, {@code resourceType}, {@code name},
 * {@code location}, {@code tagName} and {@code tagValue} (values compared without case, {@code ''} escapes a quote).
 * Anything else is {@code 400 InvalidFilterInQueryString}.
 */
record ResourceFilter(Map<String, String> equals) {
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*(resourceGroup|resourceType|name|location|tagName|tagValue)\\s+eq\\s+'((?:[^']|'')*)'\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("and\\s+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LENGTH = 2048;

    static ResourceFilter parse(String filter) {
        Map<String, String> equals = new LinkedHashMap<>();
        if (filter == null || filter.isBlank()) {
            return new ResourceFilter(equals);
        }
        if (filter.length() > MAX_LENGTH) {
            throw invalid(filter);
        }
        Matcher condition = CONDITION.matcher(filter);
        Matcher and = AND.matcher(filter);
        int at = 0;
        while (true) {
            if (!condition.region(at, filter.length()).lookingAt()) {
                throw invalid(filter);
            }
            if (equals.put(condition.group(1).toLowerCase(Locale.ROOT), condition.group(2).replace("''", "'")) != null) {
                throw invalid(filter);
            }
            at = condition.end();
            if (at == filter.length()) {
                break;
            }
            if (!and.region(at, filter.length()).lookingAt()) {
                throw invalid(filter);
            }
            at = and.end();
        }
        if (equals.containsKey("tagvalue") && !equals.containsKey("tagname")) {
            throw invalid(filter);
        }
        return new ResourceFilter(equals);
    }

    Optional<String> resourceGroup() {
        return Optional.ofNullable(equals.get("resourcegroup"));
    }

    boolean matches(Resource r) {
        for (Map.Entry<String, String> e : equals.entrySet()) {
            String want = e.getValue();
            boolean ok = switch (e.getKey()) {
                case "resourcegroup" -> want.equalsIgnoreCase(r.resourceGroup());
                case "resourcetype" -> want.equalsIgnoreCase(r.type());
                case "name" -> want.equalsIgnoreCase(r.name());
                case "location" -> r.location() != null
                        && want.replace(" ", "").equalsIgnoreCase(r.location().replace(" ", ""));
                case "tagname" -> tag(r, want).isPresent()
                        && (!equals.containsKey("tagvalue") || tag(r, want).get().equals(equals.get("tagvalue")));
                case "tagvalue" -> true;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> tag(Resource r, String name) {
        JsonNode tags = r.body().path("tags");
        var names = tags.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                return Optional.of(tags.path(n).asText());
            }
        }
        return Optional.empty();
    }

    private static ApiException invalid(String filter) {
        return new ApiException(400, "InvalidFilterInQueryString", "The $filter '"
                + ResourcesService.printable(filter) + "' is not supported: use conditions <field> eq '<value>' joined "
                + "by 'and', on resourceGroup, resourceType, name, location, tagName, tagValue.");
    }
}

package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.AzureException;
import io.asyncops.protocol.classic.BizTalkResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated create request.
 *
 * @param edition the edition (the plan is the same)
 * @param region  the region's display name
 * @param tags    the tags to keep on the deployment (without the fault tag)
 * @param fault   the error code the operation must fail with ({@code asyncops-fault}), null to succeed
 */
record CreateRequest(Edition edition, String region, Map<String, String> tags, String fault) {
    static final String FAULT_TAG = "asyncops-fault";
    static final int MAX_TAGS = 50;
    private static final Pattern FAULT_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final String FORBIDDEN_IN_KEYS = "<>%&\\?/";

    /**
     * Checks {@code body} for the deployment {@code name} of the URL.
     *
     * @throws AzureException 400 with a specific code for each rule broken
     */
    static CreateRequest validate(String name, BizTalkResource body) {
        if (body == null) {
            throw AzureException.badRequest("InvalidXmlRequest", "The request body must be a <Resource> document.");
        }
        if (body.name() != null && !body.name().isBlank() && !body.name().trim().equalsIgnoreCase(name)) {
            throw AzureException.badRequest("BadRequest", "The Name '" + body.name() + "' in the body does not match"
                    + " the resource name '" + name + "' in the URL.");
        }
        if (body.type() != null && !body.type().isBlank() && !body.type().trim().equalsIgnoreCase("biztalk")) {
            throw AzureException.badRequest("BadRequest", "The Type must be 'biztalk', not '" + body.type() + "'.");
        }
        if (body.schemaVersion() != null && !body.schemaVersion().isBlank()
                && !body.schemaVersion().trim().equals("1.0")) {
            throw AzureException.badRequest("BadRequest", "The SchemaVersion must be '1.0', not '"
                    + body.schemaVersion() + "'.");
        }
        BizTalkResource.IntrinsicSettings settings = body.intrinsicSettings();
        String editionText = settings == null ? null : blankToNull(settings.edition());
        String planText = blankToNull(body.plan());
        if (editionText == null && planText == null) {
            throw AzureException.badRequest("InvalidEdition", "The edition is required (IntrinsicSettings/Edition or"
                    + " Plan): one of Free, Developer, Basic, Standard, Premium.");
        }
        Edition edition = editionText != null ? Edition.parse(editionText, "edition") : null;
        Edition plan = planText != null ? Edition.parse(planText, "plan") : null;
        if (edition != null && plan != null && edition != plan) {
            throw AzureException.badRequest("InvalidEdition", "The Plan '" + planText + "' and the Edition '"
                    + editionText + "' must be the same.");
        }
        String region = Regions.normalize(settings == null ? null : settings.region());
        Map<String, String> tags = new LinkedHashMap<>();
        String fault = null;
        for (BizTalkResource.KeyValue tag : body.tagList()) {
            String key = tag.key() == null ? "" : tag.key();
            String value = tag.value() == null ? "" : tag.value();
            if (key.equalsIgnoreCase(FAULT_TAG)) {
                fault = faultCode(value.trim());
                continue;
            }
            checkTag(key, value);
            if (tags.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key))) {
                throw AzureException.badRequest("InvalidTag", "The tag '" + key + "' is given twice.");
            }
            tags.put(key, value);
        }
        if (tags.size() > MAX_TAGS) {
            throw AzureException.badRequest("InvalidTag", "A deployment has at most " + MAX_TAGS + " tags; the"
                    + " request has " + tags.size() + ".");
        }
        return new CreateRequest(edition != null ? edition : plan, region, tags, fault);
    }

    private static void checkTag(String key, String value) {
        if (key.isEmpty() || key.length() > 512) {
            throw AzureException.badRequest("InvalidTag", "A tag key must have 1 to 512 characters.");
        }
        for (char ch : key.toCharArray()) {
            if (FORBIDDEN_IN_KEYS.indexOf(ch) >= 0 || Character.isISOControl(ch)) {
                throw AzureException.badRequest("InvalidTag", "The tag key '" + key + "' has a reserved character;"
                        + " keys may not contain " + FORBIDDEN_IN_KEYS + " or control characters.");
            }
        }
        if (value.length() > 256) {
            throw AzureException.badRequest("InvalidTag", "The value of tag '" + key + "' exceeds 256 characters.");
        }
    }

    private static String faultCode(String code) {
        if (!FAULT_CODE.matcher(code).matches()) {
            throw AzureException.badRequest("InvalidTag", "The '" + FAULT_TAG + "' tag must name an error code (a"
                    + " letter, then up to 99 letters, digits, '.', '_' or '-'), not '" + code + "'.");
        }
        return code;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

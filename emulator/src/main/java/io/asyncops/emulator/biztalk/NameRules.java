package io.asyncops.emulator.biztalk;

import java.util.regex.Pattern;

/**
 * The naming rules of the BizTalk Services API. Cloud service names have up to 64 characters; deployment names 6 to
 * 20 (they become the host name {@code {name}.biztalk.windows.net}); both are letters, digits and hyphens, start with
 * a letter and do not end with a hyphen. Subscription ids are at most 64 letters, digits and hyphens (a GUID).
 */
final class NameRules {
    private static final Pattern CLOUD_SERVICE = Pattern.compile("[A-Za-z](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?");
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{4,18}[A-Za-z0-9]");
    private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private NameRules() {
    }

    static void subscription(String id) {
        if (id == null || !SUBSCRIPTION.matcher(id).matches()) {
            throw BizTalkException.badRequest("InvalidSubscriptionId", "The subscription id '" + id
                    + "' is invalid: use at most 64 letters, digits and hyphens (a GUID).");
        }
    }

    static void cloudService(String name) {
        if (name == null || !CLOUD_SERVICE.matcher(name).matches()) {
            throw BizTalkException.badRequest("InvalidCloudServiceName", "The cloud service name '" + name
                    + "' is invalid: it must have 1 to 64 letters, digits and hyphens, start with a letter and not end"
                    + " with a hyphen.");
        }
    }

    static void resource(String name) {
        if (name == null || !RESOURCE.matcher(name).matches()) {
            throw BizTalkException.badRequest("InvalidResourceName", "The BizTalk service name '" + name
                    + "' is invalid: it must have 6 to 20 letters, digits and hyphens, start with a letter and not end"
                    + " with a hyphen.");
        }
    }
}

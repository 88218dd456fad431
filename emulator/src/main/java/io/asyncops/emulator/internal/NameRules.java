package io.asyncops.emulator.internal;

import io.asyncops.emulator.AzureException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Azure's naming rules, in one place: resource groups, logical servers, databases, firewall rules, SQL logins and
 * passwords, and the classic plane's subscription ids, cloud services and BizTalk Services deployments.
 */
public final class NameRules {
    private static final Pattern GROUP = Pattern.compile("[\\p{L}\\p{N}_\\-.()]{1,90}");
    private static final Pattern SERVER = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,127}");
    private static final String DATABASE_FORBIDDEN = "<>*%&:\\/?";
    /** System names Azure SQL refuses as the administrator login. */
    static final Set<String> RESERVED_LOGINS = Set.of("admin", "administrator", "sa", "root", "dbmanager",
            "loginmanager", "dbo", "guest", "public", "sys", "information_schema");
    private static final Set<String> RESERVED_DATABASES = Set.of("master", "tempdb", "model", "msdb");
    private static final Pattern CLOUD_SERVICE = Pattern.compile("[A-Za-z](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?");
    private static final Pattern BIZTALK = Pattern.compile("[A-Za-z][A-Za-z0-9-]{4,18}[A-Za-z0-9]");
    private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private NameRules() {
    }

    /** 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending with a period. */
    public static void resourceGroup(String name) {
        if (name == null || !GROUP.matcher(name).matches() || name.endsWith(".")) {
            throw new AzureException(400, "InvalidResourceGroupName", "Resource group name '" + name
                    + "' is invalid. It can be 1 to 90 characters: letters, digits, underscores, hyphens, periods"
                    + " and parentheses, and cannot end with a period.", "resourceGroupName");
        }
    }

    /** 1-63 lower-case letters, digits and hyphens, not starting or ending with a hyphen (it becomes a DNS name). */
    public static void server(String name) {
        if (name == null || !SERVER.matcher(name).matches()) {
            throw new AzureException(400, "InvalidServerName", "Invalid server name '" + name + "' specified."
                    + " A server name can contain only lowercase letters, numbers and '-', can't start or end with"
                    + " '-' and has at most 63 characters.", "serverName");
        }
    }

    /** At most 128 characters, none of {@code <>*%&:\/?} nor control characters, no trailing period or space. */
    public static void database(String name) {
        if (name == null || name.isEmpty() || name.length() > 128) {
            throw new AzureException(400, "InvalidParameterValue", "Invalid value given for parameter"
                    + " databaseName. A database name has 1 to 128 characters.", "databaseName");
        }
        if (name.endsWith(" ")) {
            throw new AzureException(400, "CannotUseTrailingWhitespacesInDatabaseName", "The database name"
                    + " validation failed: '" + name + "' ends with whitespace.", "databaseName");
        }
        for (char ch : name.toCharArray()) {
            if (DATABASE_FORBIDDEN.indexOf(ch) >= 0 || Character.isISOControl(ch)) {
                throw new AzureException(400, "InvalidParameterValue", "Invalid value given for parameter"
                        + " databaseName. '" + name + "' contains '" + ch + "'; a database name cannot contain any"
                        + " of " + DATABASE_FORBIDDEN + " or control characters.", "databaseName");
            }
        }
        if (name.endsWith(".")) {
            throw new AzureException(400, "InvalidParameterValue", "Invalid value given for parameter"
                    + " databaseName. A database name cannot end with a period.", "databaseName");
        }
        if (RESERVED_DATABASES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new AzureException(400, "CannotUseReservedDatabaseName", "Cannot use reserved database name '"
                    + name + "' in this operation.", "databaseName");
        }
    }

    /** The name of a server firewall rule: 1-128 characters. */
    public static void firewallRule(String name) {
        if (name == null || name.isBlank()) {
            throw new AzureException(400, "FirewallRuleNameEmpty", "The provided firewall rule name is empty.",
                    "firewallRuleName");
        }
        if (name.length() > 128) {
            throw new AzureException(400, "FirewallRuleNameTooLong", "The provided firewall rule name is too"
                    + " long: " + name.length() + " characters, at most 128.", "firewallRuleName");
        }
        for (char ch : name.toCharArray()) {
            if (DATABASE_FORBIDDEN.indexOf(ch) >= 0 || Character.isISOControl(ch)) {
                throw new AzureException(400, "InvalidServerFirewallRuleResourceParameters", "The firewall rule"
                        + " name '" + name + "' contains '" + ch + "', which is not allowed.", "firewallRuleName");
            }
        }
    }

    /**
     * A SQL administrator login: starts with a letter, letters and digits only, at most 128 characters, not a
     * system name such as {@code admin} or {@code sa}.
     */
    public static void login(String login) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new AzureException(400, "InvalidLoginName", "The provided login name '" + login + "' is"
                    + " invalid. A login starts with a letter and has only letters and digits (at most 128).",
                    "properties.administratorLogin");
        }
        if (RESERVED_LOGINS.contains(login.toLowerCase(Locale.ROOT))) {
            throw new AzureException(400, "InvalidLoginName", "The provided login name '" + login + "' is"
                    + " invalid: it is a system name or a built-in database user or role, which Azure SQL reserves.",
                    "properties.administratorLogin");
        }
    }

    /**
     * Azure SQL's password policy: 8 to 128 characters, from three of four categories (upper case, lower case,
     * digits, symbols), and no part of the login (three or more consecutive characters of it).
     */
    public static void password(String password, String login) {
        String target = "properties.administratorLoginPassword";
        if (password.length() < 8) {
            throw new AzureException(400, "PasswordTooShort", "The provided password is too short: it must"
                    + " have at least 8 characters.", target);
        }
        if (password.length() > 128) {
            throw new AzureException(400, "PasswordTooLong", "The provided password is too long: it must have"
                    + " at most 128 characters.", target);
        }
        int categories = 0;
        categories += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        categories += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        categories += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        categories += password.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0;
        if (categories < 3) {
            throw new AzureException(400, "PasswordNotComplex", "Password validation failed. The password does"
                    + " not meet policy requirements because it is not complex enough: use characters from three of"
                    + " upper case letters, lower case letters, digits and symbols.", target);
        }
        if (login != null && containsPartOf(password, login)) {
            throw new AzureException(400, "PasswordNotComplex", "Password validation failed. The password"
                    + " cannot contain all or part of the login name.", target);
        }
    }

    private static boolean containsPartOf(String password, String login) {
        String p = password.toLowerCase(Locale.ROOT);
        String l = login.toLowerCase(Locale.ROOT);
        for (int i = 0; i + 3 <= l.length(); i++) {
            if (p.contains(l.substring(i, i + 3))) {
                return true;
            }
        }
        return false;
    }

    /** A classic subscription id: at most 64 letters, digits and hyphens (a GUID). */
    public static void classicSubscription(String id) {
        if (id == null || !SUBSCRIPTION.matcher(id).matches()) {
            throw AzureException.badRequest("InvalidSubscriptionId", "The subscription id '" + id
                    + "' is invalid: use at most 64 letters, digits and hyphens (a GUID).");
        }
    }

    /** A cloud service: 1 to 64 letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
    public static void cloudService(String name) {
        if (name == null || !CLOUD_SERVICE.matcher(name).matches()) {
            throw AzureException.badRequest("InvalidCloudServiceName", "The cloud service name '" + name
                    + "' is invalid: it must have 1 to 64 letters, digits and hyphens, start with a letter and not end"
                    + " with a hyphen.");
        }
    }

    /**
     * A BizTalk Services deployment: 6 to 20 letters, digits and hyphens, starting with a letter, not ending with a
     * hyphen (it becomes the host name {@code {name}.biztalk.windows.net}).
     */
    public static void bizTalkService(String name) {
        if (name == null || !BIZTALK.matcher(name).matches()) {
            throw AzureException.badRequest("InvalidResourceName", "The BizTalk service name '" + name
                    + "' is invalid: it must have 6 to 20 letters, digits and hyphens, start with a letter and not end"
                    + " with a hyphen.");
        }
    }
}

package io.asyncops.emulator.biztalk;

/**
 * The long-running management actions on a BizTalk Services deployment and the engine operation kind of each
 * ({@code {Namespace}/{type}/{action}}).
 */
public enum BizTalkAction {
    CREATE("Create", "BizTalk/services/write"),
    RESTART("Restart", "BizTalk/services/restart"),
    DELETE("Delete", "BizTalk/services/delete");

    private final String wireName;
    private final String kind;

    BizTalkAction(String wireName, String kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /** The name in a resource's {@code <OperationStatus><Type>}, e.g. {@code Create}. */
    public String wireName() {
        return wireName;
    }

    /** The engine operation kind, e.g. {@code BizTalk/services/write} (the core's kinds: write, delete, an action). */
    public String kind() {
        return kind;
    }

    /** The action of an operation of {@code kind}, if it is one of these. */
    static java.util.Optional<BizTalkAction> ofKind(String kind) {
        for (BizTalkAction a : values()) {
            if (a.kind.equals(kind)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }

    static BizTalkAction fromWireName(String name) {
        for (BizTalkAction a : values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown BizTalk action: " + name);
    }
}

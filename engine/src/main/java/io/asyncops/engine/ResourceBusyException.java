package io.asyncops.engine;

/** An exclusive submit found another operation still running on the same resource (Azure answers 409). */
public final class ResourceBusyException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;
    private final String resourceId;
    private final transient OperationId holder;

    public ResourceBusyException(String resourceId, OperationId holder) {
        super("operation " + holder + " is still running on " + resourceId);
        this.resourceId = resourceId;
        this.holder = holder;
    }

    public String resourceId() {
        return resourceId;
    }

    /** The running operation that holds the resource. */
    public OperationId holder() {
        return holder;
    }
}

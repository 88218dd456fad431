package io.asyncops.emulator.biztalk;

import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.TransactionalWork;

/**
 * What each ending of each action does to the deployment, fenced by the action's handle (a no-op once another
 * action has started):
 *
 * <table>
 *   <caption>The deployment after each ending</caption>
 *   <tr><th>action</th><th>Succeeded</th><th>Failed</th><th>Canceled</th></tr>
 *   <tr><td>Create</td><td>Active</td><td>Failed</td><td>removed (nothing was provisioned)</td></tr>
 *   <tr><td>Restart</td><td>Active</td><td>Active</td><td>Active</td></tr>
 *   <tr><td>Delete</td><td>removed</td><td>Active</td><td>Active</td></tr>
 * </table>
 */
final class Endings {
    private Endings() {
    }

    static TransactionalWork of(BizTalkAction action, OperationStatus ending, String name, String handle) {
        return switch (ending) {
            case SUCCEEDED -> action == BizTalkAction.DELETE
                    ? c -> ServiceTable.remove(c, name, handle)
                    : c -> ServiceTable.end(c, name, handle, ServiceState.ACTIVE);
            case FAILED -> action == BizTalkAction.CREATE
                    ? c -> ServiceTable.end(c, name, handle, ServiceState.FAILED)
                    : c -> ServiceTable.end(c, name, handle, ServiceState.ACTIVE);
            case CANCELED -> action == BizTalkAction.CREATE
                    ? c -> ServiceTable.remove(c, name, handle)
                    : c -> ServiceTable.end(c, name, handle, ServiceState.ACTIVE);
            case ACCEPTED, IN_PROGRESS -> throw new IllegalArgumentException("not an ending: " + ending);
        };
    }
}

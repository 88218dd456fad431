package io.asyncops.engine.internal.store;

import io.asyncops.engine.OperationId;
import java.util.ArrayList;
import java.util.List;

/**
 * A change announced to other engine instances: which operations changed, and whether new work became due.
 * Encoded as {@code node|w|id,id,...} ({@code w} for work, {@code c} for changes only) to fit a NOTIFY payload.
 *
 * @param node the engine instance that made the change
 * @param work true when something became claimable
 * @param ids  the operations whose snapshot changed
 */
public record Notice(String node, boolean work, List<OperationId> ids) {
    /** Ids per payload: 36 characters and a comma each, well under PostgreSQL's 8000-byte limit. */
    static final int IDS_PER_PAYLOAD = 150;

    /** Notices may have been missed (the listener reconnected): look at everything again. */
    public static final Notice RESYNC = new Notice("", true, List.of());

    public Notice {
        ids = List.copyOf(ids);
    }

    /** Payloads carrying this notice, each within the size limit; at least one. */
    List<String> encode() {
        String[] text = new String[ids.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = ids.get(i).toString();
        }
        return encode(node, work, text);
    }

    /** The payloads of a notice from {@code node} about the operations {@code ids} (their text). */
    static List<String> encode(String node, boolean work, String[] ids) {
        List<String> payloads = new ArrayList<>();
        int i = 0;
        do {
            int end = Math.min(ids.length, i + IDS_PER_PAYLOAD);
            StringBuilder sb = new StringBuilder(node.length() + 3 + (end - i) * 37).append(node).append('|')
                    .append(work ? 'w' : 'c').append('|');
            for (int j = i; j < end; j++) {
                if (j > i) {
                    sb.append(',');
                }
                sb.append(ids[j]);
            }
            payloads.add(sb.toString());
            i = end;
        } while (i < ids.length);
        return payloads;
    }

    /** Parses a payload; null when it is not one of ours. */
    static Notice decode(String payload) {
        int a = payload.indexOf('|');
        int b = a < 0 ? -1 : payload.indexOf('|', a + 1);
        if (a < 0 || b != a + 2) {
            return null;
        }
        List<OperationId> ids = new ArrayList<>();
        if (b + 1 < payload.length()) {
            try {
                for (String id : payload.substring(b + 1).split(",")) {
                    ids.add(OperationId.parse(id));
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return new Notice(payload.substring(0, a), payload.charAt(a + 1) == 'w', ids);
    }
}

package io.asyncops.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.client.HttpErrorException;
import io.asyncops.client.LroException;
import io.asyncops.client.LroResult;
import io.asyncops.client.OperationCanceledException;
import io.asyncops.client.OperationEndedException;
import io.asyncops.client.OperationFailedException;
import io.asyncops.client.OperationTimeoutException;
import io.asyncops.client.PollSnapshot;
import io.asyncops.client.SyncPoller;
import io.asyncops.protocol.ArmError;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.function.Supplier;

/** Runs a poller to its end and turns the outcome into stdout, stderr and the exit code. */
final class Follower {
    static final int SUCCEEDED = 0;
    static final int FAILED = 1;
    static final int CANCELED = 2;
    static final int TIMED_OUT = 3;
    static final int OTHER = 4;

    private final PrintWriter out;
    private final PrintWriter err;
    private final FollowOptions options;

    Follower(PrintWriter out, PrintWriter err, FollowOptions options) {
        this.out = out;
        this.err = err;
        this.options = options;
    }

    /**
     * Starts (or attaches to) the operation and follows it.
     *
     * @param start   makes the poller (sends the start request for {@code call})
     * @param started what to say once the poller exists, e.g. "PUT url: HTTP 202"
     */
    int follow(Supplier<SyncPoller> start, String started) {
        try (Progress progress = Progress.of(options.progress, err)) {
            SyncPoller poller;
            try {
                poller = start.get();
            } catch (LroException e) {
                return outcome(progress, e, null);
            }
            PollSnapshot first = poller.latest();
            if (first.done()) {
                progress.say(started + ": HTTP " + first.httpStatus() + ", done at once");
            } else {
                progress.say(started + (first.httpStatus() > 0 ? ": HTTP " + first.httpStatus() + "," : ":")
                        + " following " + first.pollingUrl());
                if (first.httpStatus() > 0) {
                    progress.update(first);
                }
            }
            // Ctrl-C ends the process, not the operation: say how to pick it up again.
            Thread hint = new Thread(() -> {
                progress.close();
                err.println();
                err.println("asyncops: interrupted; the operation goes on at the server. Follow it with: asyncops wait '"
                        + poller.latest().pollingUrl() + "'");
                err.flush();
            }, "asyncops-interrupt-hint");
            Runtime.getRuntime().addShutdownHook(hint);
            try {
                LroResult result = poller.waitForCompletion(progress::update);
                progress.close();
                progress.say("Succeeded after " + result.polls() + " poll" + (result.polls() == 1 ? "" : "s")
                        + " in " + Progress.human(result.elapsed()));
                print(result.httpStatus(), "Succeeded", result.polls(), result.url(), result.body(), null);
                return SUCCEEDED;
            } catch (LroException e) {
                progress.close();
                return outcome(progress, e, poller);
            } finally {
                removeHook(hint);
            }
        }
    }

    private static void removeHook(Thread hint) {
        try {
            Runtime.getRuntime().removeShutdownHook(hint);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: nothing to undo
        }
    }

    private int outcome(Progress progress, LroException e, SyncPoller poller) {
        int polls = poller == null ? 0 : poller.latest().polls();
        switch (e) {
            case OperationEndedException ended -> {
                progress.say(ended.getMessage());
                print(ended.httpStatus(), ended.status(), polls, ended.url(), ended.body(), ended.error().orElse(null));
                return ended instanceof OperationFailedException ? FAILED : CANCELED;
            }
            case OperationTimeoutException timeout -> {
                progress.say("Timed out: " + timeout.getMessage());
                PollSnapshot last = timeout.lastSnapshot();
                if (last != null && last.pollingUrl() != null) {
                    progress.say("The operation goes on at the server; follow it with: asyncops wait '"
                            + last.pollingUrl() + "'");
                }
                print(last == null ? 0 : last.httpStatus(), "TimedOut", polls, null, "", null);
                return TIMED_OUT;
            }
            case HttpErrorException http -> {
                progress.say("Error: " + http.getMessage());
                print(http.httpStatus(), "Error", polls, http.url(), http.body(), http.error().orElse(null));
                return OTHER;
            }
            default -> {
                progress.say("Error: " + e.getMessage());
                print(0, "Error", polls, null, "", null);
                return OTHER;
            }
        }
    }

    /** stdout: the body as received, or the JSON summary. Nothing for an empty body in body mode. */
    private void print(int httpStatus, String status, int polls, URI url, String body, ArmError error) {
        if (options.output == FollowOptions.Output.json) {
            ObjectNode summary = Json.mapper().createObjectNode();
            summary.put("status", status);
            summary.put("httpStatus", httpStatus);
            summary.put("polls", polls);
            summary.put("url", url == null ? null : url.toString());
            summary.set("body", bodyAsJson(body));
            if (error != null) {
                summary.set("error", Json.mapper().valueToTree(error));
            }
            out.println(summary.toPrettyString());
        } else if (body != null && !body.isEmpty()) {
            out.print(body);
            if (!body.endsWith("\n")) {
                out.println();
            }
        }
        out.flush();
    }

    private static JsonNode bodyAsJson(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().nullNode();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException notJson) {
            return Json.mapper().getNodeFactory().textNode(body);
        }
    }
}

package io.asyncops.client;

import java.net.URI;

/** What the rules decided after a response. */
sealed interface Step {
    /** Still running: poll again after the advised delay. */
    record Poll() implements Step {
    }

    /** Terminal and Succeeded, but the result is read with one more GET. */
    record Fetch(URI uri) implements Step {
    }

    /** Succeeded: the result is this response's body, or no body at all when {@code withBody} is false. */
    record Done(Exchange response, boolean withBody) implements Step {
    }

    Step POLL = new Poll();
}

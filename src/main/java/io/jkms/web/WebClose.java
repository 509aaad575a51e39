package io.jkms.web;

/** Why the web port refused or closed a connection: one value for the log, the metric and the tests. */
public enum WebClose {
    /** Refused at accept: the port was full and this address already held its fair share. */
    MAX_CONNECTIONS("max-connections"),
    /** Refused at accept: the address holds {@code --web-max-connections-per-address} already. */
    MAX_PER_ADDRESS("max-per-address"),
    /** Closed to make room for a newcomer from a less busy address when the port was full. */
    EVICTED("evicted"),
    /** The request was not complete within {@code --web-request-timeout} of its first byte. */
    REQUEST_TIMEOUT("request-timeout"),
    /** No next request within {@code --web-idle-timeout} (or no first one within the request timeout). */
    IDLE_TIMEOUT("idle-timeout"),
    /** The answer could not be written to the peer in time (it does not read). */
    RESPONSE_TIMEOUT("response-timeout"),
    /** More than {@value PipelineLimit#MAX_PENDING} requests sent ahead of their answers. */
    PIPELINE_LIMIT("pipeline-limit");

    private final String label;

    WebClose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

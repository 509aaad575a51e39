package io.jkms.config;

/**
 * The active-client count the host is to report, as configured; the wiring turns it into the host's policy
 * ({@code real} needs the registry's counter, which only exists once the registry is open).
 */
public sealed interface ClientCount {
    /** Twice the request's N policy: a fully charged host. */
    record Charged() implements ClientCount {
    }

    /** The machines the registry has seen in the last 30 days, at most twice N: a genuine host. */
    record Real() implements ClientCount {
    }

    /** The same number for every request. */
    record Fixed(long count) implements ClientCount {
    }
}

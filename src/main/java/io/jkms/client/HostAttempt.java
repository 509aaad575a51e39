package io.jkms.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened on one try against one host.
 *
 * @param host      the host as given or discovered
 * @param outcome   how it ended
 * @param detail    why, in words that name the problem ("activated" when it worked)
 * @param contexts  what the (last) bind negotiated, if it got that far
 * @param exchanges the requests answered on this try, in order
 * @param findings  connection-level warnings and notes (e.g. the host closed after each response)
 */
public record HostAttempt(HostAddress host, Outcome outcome, String detail, Optional<NegotiatedContexts> contexts,
                          List<Exchange> exchanges, List<Finding> findings) {
    public HostAttempt {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(contexts, "contexts");
        exchanges = List.copyOf(exchanges);
        findings = List.copyOf(findings);
    }
}

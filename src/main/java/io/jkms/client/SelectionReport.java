package io.jkms.client;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every try of one activation run, in order; the last one is the one that worked, if any did. */
public record SelectionReport(List<HostAttempt> attempts) {
    public SelectionReport {
        attempts = List.copyOf(attempts);
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one attempt");
        }
    }

    /** The attempt that activated. */
    public Optional<HostAttempt> success() {
        return attempts.stream().filter(a -> a.outcome() == Outcome.ACTIVATED).findFirst();
    }

    /** ACTIVATED if any try worked; otherwise the outcome of the try that got furthest. */
    public Outcome outcome() {
        return attempts.stream().map(HostAttempt::outcome)
                .min(Comparator.comparing((Outcome o) -> o != Outcome.ACTIVATED).thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
    }
}

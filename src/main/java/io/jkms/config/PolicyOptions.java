package io.jkms.config;

import java.time.Duration;
import picocli.CommandLine.Option;

/** What the host answers: the intervals it hands out, the count it reports, what it refuses. */
final class PolicyOptions {
    @Within(min = "15m", max = "30d")
    @Option(names = "--activation-interval", paramLabel = "TIME", defaultValue = "120",
            converter = DurationConverter.Minutes.class)
    Duration activationInterval;

    @Within(min = "15m", max = "30d")
    @Option(names = "--renewal-interval", paramLabel = "TIME", defaultValue = "10080",
            converter = DurationConverter.Minutes.class)
    Duration renewalInterval;

    @Option(names = "--client-count", paramLabel = "MODE", defaultValue = "charged",
            converter = Converters.ClientCountChoice.class)
    ClientCount clientCount;

    @Range(min = 0, max = 3)
    @Option(names = "--whitelist", paramLabel = "LEVEL", defaultValue = "0", converter = Converters.WholeNumber.class)
    long whitelist;

    @Option(names = "--client-time-check", paramLabel = "BOOL", defaultValue = "false", arity = "1",
            converter = Converters.Bool.class)
    boolean clientTimeCheck;

    /** Intervals go on the wire in whole minutes. */
    PolicyConfig settings() {
        return new PolicyConfig(activationInterval.toMinutes(), renewalInterval.toMinutes(), clientCount,
                (int) whitelist, clientTimeCheck);
    }
}

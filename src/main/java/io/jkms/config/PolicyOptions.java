package io.jkms.config;

import java.time.Duration;
import picocli.CommandLine.Option;

/** What the host answers: the intervals it hands out, the count it reports, what it refuses. */
final class PolicyOptions {
    @Within(min = "15m", max = "30d")
    @Option(names = "--activation-interval", paramLabel = "TIME", defaultValue = "120",
            converter = DurationConverter.Minutes.class,
            description = {"Retry interval for clients that failed: minutes, or a number with a suffix ms, s, m, h, d or w "
                + "(15m to 30d).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_ACTIVATION_INTERVAL."})
    Duration activationInterval;

    @Within(min = "15m", max = "30d")
    @Option(names = "--renewal-interval", paramLabel = "TIME", defaultValue = "10080",
            converter = DurationConverter.Minutes.class,
            description = {"Renewal interval for activated clients: minutes, or a number with a suffix ms, s, m, h, d or w "
                + "(15m to 30d).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_RENEWAL_INTERVAL."})
    Duration renewalInterval;

    @Option(names = "--client-count", paramLabel = "MODE", defaultValue = "charged",
            converter = Converters.ClientCountChoice.class,
            description = {"Active clients reported: 'charged' (2 x the request's N policy, a fully charged host), 'real' "
                + "(distinct machines in the registry in the last 30 days, at most 2 x N, as a genuine host) or a "
                + "fixed number 0 to 10000.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_CLIENT_COUNT."})
    ClientCount clientCount;

    @Range(min = 0, max = 3)
    @Option(names = "--whitelist", paramLabel = "LEVEL", defaultValue = "0", converter = Converters.WholeNumber.class,
            description = {"Products refused (as vlmcsd -K): 0 none; 1 unknown KMS IDs and KMS IDs of another application; "
                + "2 retail and preview KMS IDs; 3 both.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_WHITELIST."})
    long whitelist;

    @Option(names = "--client-time-check", paramLabel = "BOOL", defaultValue = "false", arity = "1",
            converter = Converters.Bool.class,
            description = {"Refuse clients whose clock is more than 4 hours off the host's (0xC004F06C), as genuine hosts "
                + "do.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_CLIENT_TIME_CHECK."})
    boolean clientTimeCheck;

    /** Intervals go on the wire in whole minutes. */
    PolicyConfig settings() {
        return new PolicyConfig(activationInterval.toMinutes(), renewalInterval.toMinutes(), clientCount,
                (int) whitelist, clientTimeCheck);
    }
}

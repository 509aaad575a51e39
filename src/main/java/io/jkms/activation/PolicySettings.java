package io.jkms.activation;

import java.time.Duration;

/**
 * What the host answers: the intervals it hands out, the count it reports, which products it refuses
 * and whether it checks the client's clock.
 *
 * @param activationInterval minutes after which a client that failed retries (VLActivationInterval)
 * @param renewalInterval    minutes after which an activated client renews (VLRenewalInterval)
 * @param whitelistLevel     0 activate everything; 1 refuse unknown KMS IDs and KMS IDs of another
 *                           application; 2 refuse retail and preview KMS IDs; 3 both (vlmcsd's -K)
 * @param clientTimeTolerance when present, requests whose clock differs more than this are refused
 */
public record PolicySettings(long activationInterval, long renewalInterval, ClientCountPolicy clientCount,
                             int whitelistLevel, java.util.Optional<Duration> clientTimeTolerance) {

    /** The largest N policy a request may carry (vlmcsd: 2·N must not exceed 2000). */
    public static final long MAX_REQUIRED_CLIENT_COUNT = 1000;
    public static final Duration GENUINE_TIME_TOLERANCE = Duration.ofHours(4);

    public PolicySettings {
        if (activationInterval < 1 || activationInterval > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("activation interval out of range: " + activationInterval);
        }
        if (renewalInterval < 1 || renewalInterval > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("renewal interval out of range: " + renewalInterval);
        }
        if (whitelistLevel < 0 || whitelistLevel > 3) {
            throw new IllegalArgumentException("whitelist level must be 0..3: " + whitelistLevel);
        }
    }

    public static PolicySettings defaults() {
        return new PolicySettings(120, 10080, new ClientCountPolicy.Charged(), 0, java.util.Optional.empty());
    }

    boolean refusesUnknown() {
        return whitelistLevel == 1 || whitelistLevel == 3;
    }

    boolean refusesRetailAndPreview() {
        return whitelistLevel >= 2;
    }
}

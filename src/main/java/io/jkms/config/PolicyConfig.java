package io.jkms.config;

/**
 * What the host answers, as configured.
 *
 * @param activationInterval minutes after which a client that failed retries
 * @param renewalInterval    minutes after which an activated client renews
 * @param whitelistLevel     products refused, 0 to 3 (vlmcsd's -K)
 * @param clientTimeCheck    refuse clients whose clock is more than 4 hours off
 */
public record PolicyConfig(long activationInterval, long renewalInterval, ClientCount clientCount, int whitelistLevel,
                           boolean clientTimeCheck) {
}

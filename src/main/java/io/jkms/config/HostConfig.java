package io.jkms.config;

import io.jkms.host.IdentitySettings;
import io.jkms.host.ListenerSettings;
import io.jkms.host.PolicySettings;
import io.jkms.web.WebSettings;

/**
 * Everything {@code jkms serve} needs, validated. NDR64 is settled later, together with the host build
 * (see {@link IdentitySettings#ndr64()}).
 *
 * @param threads I/O threads, 0 for one per core
 * @param web     the dashboard, JSON API and metrics
 */
public record HostConfig(ListenerSettings listener, PolicySettings policy, IdentitySettings identity, boolean btfn,
                         int threads, String logLevel, WebSettings web) {

    /** A host with the default dashboard settings. */
    public HostConfig(ListenerSettings listener, PolicySettings policy, IdentitySettings identity, boolean btfn,
                      int threads, String logLevel) {
        this(listener, policy, identity, btfn, threads, logLevel, WebSettings.defaults());
    }
}

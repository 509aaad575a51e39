package io.jkms.config;

import io.jkms.dns.DnsSettings;
import io.jkms.activation.IdentitySettings;
import io.jkms.host.IoTransport;
import io.jkms.host.ListenerSettings;
import io.jkms.logging.LogSettings;
import io.jkms.registry.RegistrySettings;
import io.jkms.web.WebSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything {@code jkms serve} needs, validated. NDR64 is settled later, together with the host build
 * (see {@link IdentitySettings#ndr64()}).
 * The client-count policy is a plain value ({@link ClientCount}): the wiring connects {@code real} to the registry.
 *
 * @param threads     I/O threads, 0 for one per core
 * @param io          the network I/O transport, checked to run here
 * @param catalogFile a catalog to use instead of the built-in one
 * @param registry    where activations are recorded (and, with {@code --client-count real}, counted); empty
 *                    with {@code --registry off}
 * @param web         the dashboard, JSON API and metrics
 * @param dns         the SRV record the host publishes; empty without {@code --dns-publish}
 * @param log         where and how the host logs (applied at start; a change needs a restart)
 */
public record HostConfig(ListenerSettings listener, PolicyConfig policy, IdentitySettings identity, boolean btfn,
                         int threads, IoTransport io, String logLevel, Optional<Path> catalogFile,
                         Optional<RegistrySettings> registry, WebSettings web, Optional<DnsSettings> dns,
                         LogSettings log) {

    /** This configuration with {@code running}'s registry, dashboard and I/O, which only a restart changes. */
    public HostConfig keepingRestartSettingsOf(HostConfig running) {
        return new HostConfig(listener, policy, identity, btfn, threads, running.io, logLevel, catalogFile,
                running.registry, running.web, dns, log);
    }
}

package io.jkms.cli;

import io.jkms.client.ClientException;
import io.jkms.client.HostAddress;
import io.jkms.client.SrvOrder;
import io.jkms.client.SrvRecord;
import io.jkms.client.SrvResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The hosts {@code jkms activate} tries: the ones named (tried in random order) or the ones DNS names (in SRV
 * order), or why there are none.
 *
 * @param hosts      in the order to try (before shuffling)
 * @param shuffle    try in random order (a list given by the user)
 * @param discovered the SRV records found, in the order drawn
 * @param failure    why no host could be found (DNS lookup failed or found nothing)
 */
record HostList(List<HostAddress> hosts, boolean shuffle, List<SrvRecord> discovered, Optional<String> failure) {
    static HostList from(String host, List<String> hosts, Path hostsFile, String discover, String dnsServer,
                         Function<Optional<HostAddress>, SrvResolver> resolvers, RandomGenerator random)
            throws ActivateCommand.UsageException {
        List<String> named = new ArrayList<>();
        if (host != null) {
            named.add(host);
        }
        named.addAll(hosts);
        if (hostsFile != null) {
            named.addAll(readHostsFile(hostsFile));
        }
        if (discover != null) {
            if (!named.isEmpty()) {
                throw new ActivateCommand.UsageException("--discover finds the hosts itself: give no HOST, --hosts "
                        + "or --hosts-file with it");
            }
            return discover(discover, dnsServer == null ? Optional.empty() : Optional.of(parse(dnsServer, 53)),
                    resolvers, random);
        }
        if (named.isEmpty()) {
            throw new ActivateCommand.UsageException("name a host: HOST[:PORT], --hosts, --hosts-file or --discover");
        }
        List<HostAddress> parsed = new ArrayList<>();
        for (String name : named) {
            parsed.add(parse(name, HostAddress.DEFAULT_PORT));
        }
        return new HostList(parsed, parsed.size() > 1, List.of(), Optional.empty());
    }

    private static HostList discover(String domain, Optional<HostAddress> server,
                                     Function<Optional<HostAddress>, SrvResolver> resolvers, RandomGenerator random) {
        String name = SrvRecord.KMS_SERVICE + (domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
        try {
            List<SrvRecord> records = SrvOrder.order(resolvers.apply(server).lookup(name), random);
            if (records.isEmpty()) {
                return new HostList(List.of(), false, List.of(), Optional.of("no KMS host is published: " + name
                        + " has no SRV records"));
            }
            return new HostList(records.stream().map(SrvRecord::address).toList(), false, records, Optional.empty());
        } catch (ClientException e) {
            return new HostList(List.of(), false, List.of(), Optional.of(e.getMessage()));
        }
    }

    private static List<String> readHostsFile(Path file) throws ActivateCommand.UsageException {
        try {
            List<String> hosts = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!s.isEmpty()) {
                    hosts.add(s);
                }
            }
            if (hosts.isEmpty()) {
                throw new ActivateCommand.UsageException("--hosts-file " + file + " names no host");
            }
            return hosts;
        } catch (IOException e) {
            throw new ActivateCommand.UsageException("cannot read --hosts-file " + file + ": " + e.getMessage());
        }
    }

    private static HostAddress parse(String text, int defaultPort) throws ActivateCommand.UsageException {
        try {
            HostAddress a = HostAddress.parse(text);
            boolean portGiven = text.trim().matches(".*(\\]|^[^:]*):\\d+$");
            return portGiven ? a : new HostAddress(a.host(), defaultPort);
        } catch (IllegalArgumentException e) {
            throw new ActivateCommand.UsageException(e.getMessage());
        }
    }
}

package io.jkms.activation;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Who may connect, decided at accept time before a byte is read: the deny list wins over everything, then
 * (when set) the allow list, then the private-only switch, which refuses public addresses as vlmcsd's
 * public-IP protection does.
 */
public record AccessPolicy(List<Cidr> allow, List<Cidr> deny, boolean privateOnly) {

    /** Loopback, RFC 1918, shared (RFC 6598), link-local, IPv6 unique-local and link-local networks. */
    static final List<Cidr> PRIVATE = List.of("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "::1/128", "fc00::/7", "fe80::/10").stream().map(Cidr::parse).toList();

    public AccessPolicy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public static AccessPolicy open() {
        return new AccessPolicy(List.of(), List.of(), false);
    }

    /**
     * Why the address is refused ({@link Refusal#DENIED}, {@link Refusal#NOT_ALLOWED} or
     * {@link Refusal#PUBLIC_ADDRESS}), or empty when it may connect.
     */
    public Optional<Refusal> refusal(InetAddress address) {
        if (matches(deny, address)) {
            return Optional.of(Refusal.DENIED);
        }
        if (!allow.isEmpty() && !matches(allow, address)) {
            return Optional.of(Refusal.NOT_ALLOWED);
        }
        if (privateOnly && !matches(PRIVATE, address)) {
            return Optional.of(Refusal.PUBLIC_ADDRESS);
        }
        return Optional.empty();
    }

    private static boolean matches(List<Cidr> networks, InetAddress address) {
        for (Cidr cidr : networks) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }
}

package io.jkms.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * This machine's fully qualified name, the target a Windows KMS host publishes. A name without a domain (or none
 * at all) is completed with the zone, as Windows completes it with the primary DNS suffix.
 */
final class LocalHostName {
    private LocalHostName() {
    }

    static String forZone(String zone) {
        String name;
        try {
            InetAddress local = InetAddress.getLocalHost();
            name = local.getCanonicalHostName();
            if (name.equals(local.getHostAddress())) {
                name = local.getHostName();
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("this machine has no host name: give --dns-target", e);
        }
        name = name.toLowerCase(Locale.ROOT);
        return name.indexOf('.') > 0 && !name.endsWith(".localdomain") ? name : firstLabel(name) + "." + zone;
    }

    private static String firstLabel(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

package io.jkms.dns;

import io.jkms.wire.Bytes;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/**
 * A TSIG key (RFC 8945) as BIND's key files hold it.
 *
 * @param name      the key's name, which the server's {@code update-policy} or {@code allow-update} names
 * @param algorithm one of {@link #ALGORITHMS}, lower case
 * @param secret    the shared secret (never printed: {@link #toString()} leaves it out)
 */
public record TsigKey(String name, String algorithm, Bytes secret) {
    /** The HMAC algorithms BIND's {@code tsig-keygen -a} offers. */
    public static final Set<String> ALGORITHMS = Set.of("hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256",
            "hmac-sha384", "hmac-sha512");

    public TsigKey {
        Objects.requireNonNull(name, "name");
        algorithm = Objects.requireNonNull(algorithm, "algorithm").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(secret, "secret");
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("unsupported TSIG algorithm '" + algorithm + "': allowed "
                    + ALGORITHMS.stream().sorted().toList());
        }
        if (secret.length() == 0) {
            throw new IllegalArgumentException("empty TSIG secret");
        }
        try {
            Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("TSIG key name '" + name + "' is not a DNS name", e);
        }
    }

    /** dnsjava's signer for this key. */
    public TSIG signer() {
        try {
            return new TSIG(Name.fromString(algorithmName(), Name.root), Name.fromString(name, Name.root),
                    secret.toArray());
        } catch (TextParseException e) {
            throw new IllegalStateException("checked in the constructor", e);
        }
    }

    /** hmac-md5 has a longer name on the wire (RFC 8945 §6). */
    private String algorithmName() {
        return algorithm.equals("hmac-md5") ? "hmac-md5.sig-alg.reg.int" : algorithm;
    }

    @Override
    public String toString() {
        return "TsigKey[" + name + ", " + algorithm + "]";
    }
}

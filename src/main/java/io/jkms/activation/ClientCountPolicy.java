package io.jkms.activation;

import io.jkms.protocol.KmsRequest;

/** The active-client count a host reports; Windows activates only when it is at least the request's N policy. */
public sealed interface ClientCountPolicy {

    long countFor(KmsRequest request);

    /**
     * A fully charged host: twice the N policy, the most a genuine host ever reports (1 for N = 0, as
     * vlmcsd does).
     */
    record Charged() implements ClientCountPolicy {
        @Override
        public long countFor(KmsRequest request) {
            long required = request.requiredClientCount();
            return required == 0 ? 1 : 2 * required;
        }
    }

    /** The same count for every request, e.g. to see how clients react to a host that is not charged. */
    record Fixed(long count) implements ClientCountPolicy {
        public Fixed {
            if (count < 0 || count > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("client count out of range: " + count);
            }
        }

        @Override
        public long countFor(KmsRequest request) {
            return count;
        }
    }

    /**
     * What a genuine host reports: the machines it has seen for the KMS ID in the last 30 days (the asking one
     * included), at most twice the N policy (1 for N = 0). A young host reports fewer than N, so its first
     * clients are told 0xC004F038 (count too low) by their own licensing service, exactly as with Windows.
     */
    record Counted(ClientCounter counter) implements ClientCountPolicy {
        public Counted {
            java.util.Objects.requireNonNull(counter, "counter");
        }

        @Override
        public long countFor(KmsRequest request) {
            long required = request.requiredClientCount();
            long cap = required == 0 ? 1 : 2 * required;
            return Math.min(cap, counter.activeClients(request.kmsId(), request.cmid(), cap));
        }
    }
}

package io.jkms.host;

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
}

package io.jkms.activation;

import io.jkms.protocol.DecodedRequest;
import io.jkms.protocol.KmsException;
import io.jkms.protocol.KmsRequestCodec;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.KmsResponseCodec;
import io.jkms.rpc.OperationReply;
import io.jkms.wire.Bytes;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Maps one KMS request message to the message (or HRESULT) to answer with: decode, apply the policy,
 * encode, then tell the listeners.
 */
public final class ActivationHandler {
    private volatile ActivationPolicy policy;
    private final RandomGenerator random;
    private final Clock clock;
    private final List<ActivationListener> listeners;

    public ActivationHandler(ActivationPolicy policy, RandomGenerator random, Clock clock,
                             List<ActivationListener> listeners) {
        this.policy = policy;
        this.random = random;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Answers every request from now on with this policy (configuration reload). */
    public void update(ActivationPolicy next) {
        policy = next;
    }

    public OperationReply activate(Bytes message, SocketAddress peer) {
        long started = System.nanoTime();
        DecodedRequest decoded;
        try {
            decoded = KmsRequestCodec.decode(message);
        } catch (KmsException e) {
            notify(peer, Optional.empty(), Optional.empty(), e.hresult(), e.getMessage(), started);
            return new OperationReply(Optional.empty(), e.hresult());
        }
        try {
            KmsResponse response = policy.decide(decoded.request());
            Bytes encoded = KmsResponseCodec.encode(response, decoded, random);
            notify(peer, Optional.of(decoded.request()), Optional.of(response), 0, "activated", started);
            return new OperationReply(Optional.of(encoded), 0);
        } catch (KmsException e) {
            notify(peer, Optional.of(decoded.request()), Optional.empty(), e.hresult(), e.getMessage(), started);
            return new OperationReply(Optional.empty(), e.hresult());
        }
    }

    private void notify(SocketAddress peer, Optional<io.jkms.protocol.KmsRequest> request,
                        Optional<KmsResponse> response, int hresult, String reason, long started) {
        if (listeners.isEmpty()) {
            return;
        }
        ActivationEvent event = new ActivationEvent(clock.instant(), peer, request, response, hresult, reason,
                Duration.ofNanos(System.nanoTime() - started));
        for (ActivationListener listener : listeners) {
            listener.onActivation(event);
        }
    }
}

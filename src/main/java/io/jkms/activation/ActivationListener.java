package io.jkms.activation;

/**
 * Told of every activation request after it is answered (log, metrics, registry). Called on the I/O
 * thread: implementations must not block.
 */
@FunctionalInterface
public interface ActivationListener {
    void onActivation(ActivationEvent event);
}

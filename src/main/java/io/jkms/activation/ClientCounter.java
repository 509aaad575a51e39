package io.jkms.activation;

import java.util.UUID;

/**
 * Counts active clients as a genuine host does: distinct machine IDs seen for a KMS ID in the last 30 days,
 * the asking machine included. Called on the I/O thread: implementations answer from memory, never block.
 */
@FunctionalInterface
public interface ClientCounter {

    /** Distinct machines of this KMS ID, counting {@code cmid} too; may stop counting at {@code atMost}. */
    long activeClients(UUID kmsId, UUID cmid, long atMost);
}

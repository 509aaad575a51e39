package io.jkms.rpc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jkms.wire.Bytes;

/**
 * Jazzer: arbitrary bytes into {@link PduCodec#decode}. Runs the seeds under
 * {@code PduCodecFuzzTestInputs/decode} (captured PDUs) as a regression test in {@code mvn test}; fuzzes with
 * {@code JAZZER_FUZZ=1}. Only MalformedWireException may escape, and what decodes re-encodes consistently.
 */
class PduCodecFuzzTest {
    @FuzzTest
    void decode(byte[] data) {
        PduCodecMalformedTest.decodeOrMalformed(Bytes.of(data));
    }
}

package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.wire.Bytes;
import io.jkms.wire.WireWriter;
import org.junit.jupiter.api.Test;

class Utf16Test {

    static byte[] written(String s, int extraUnits) {
        WireWriter w = new WireWriter(2 * (s.length() + extraUnits));
        Utf16.write(w, s);
        w.zeros(2 * extraUnits);
        return w.toArray();
    }

    @Test
    void writesLittleEndianUnitsWithoutATerminator() {
        assertThat(Bytes.of(written("Aé", 0))).isEqualTo(Bytes.fromHex("4100e900"));
    }

    @Test
    void readsUpToTheFirstNul() {
        byte[] data = written("DESKTOP-1", 3);
        assertThat(Utf16.readUntilNul(data, 0, 12)).isEqualTo("DESKTOP-1");
    }

    @Test
    void readsAtMostMaxUnitsWhenNoNulComes() {
        byte[] data = written("ABCDEF", 0);
        assertThat(Utf16.readUntilNul(data, 0, 4)).isEqualTo("ABCD");
        assertThat(Utf16.readUntilNul(data, 4, 2)).isEqualTo("CD");
        assertThat(Utf16.readUntilNul(data, 0, 0)).isEmpty();
    }

    @Test
    void unpairedSurrogatesAndNonBmpTextSurviveTheRoundTrip() {
        String odd = "a\uD800b\uDFFFc\uD83D\uDE00";
        byte[] data = written(odd, 1);
        assertThat(Utf16.readUntilNul(data, 0, odd.length() + 1)).isEqualTo(odd);
    }

    @Test
    void aUnitIsReadLittleEndian() {
        assertThat(Utf16.unit(new byte[] {0x34, 0x12}, 0)).isEqualTo('\u1234');
        assertThat(Utf16.unit(new byte[] {0, (byte) 0xFF, (byte) 0xFE}, 1)).isEqualTo('\uFEFF');
    }
}

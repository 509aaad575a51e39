package io.jkms.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireWriterTest {

    @Test
    void writesLittleEndianAndTruncatesToTheFieldWidth() {
        Bytes out = new WireWriter(15).u8(0x1FF).u16(0x1FFFE).u32(0x1_FFFE_FDFCL).u64(0x0102030405060708L).toBytes();

        assertThat(out).isEqualTo(Bytes.fromHex("ff" + "feff" + "fcfdfeff" + "0807060504030201"));
    }

    @Test
    void writesAGuidInMicrosoftsMixedEndianLayoutAndStaysLittleEndian() {
        UUID windows = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
        Bytes out = new WireWriter(18).guid(windows).u16(1).toBytes();

        assertThat(out).isEqualTo(Bytes.fromHex("3427c95582d6714d983ed6ec3f16059f" + "0100"));
    }

    @Test
    void whatItWritesTheReaderReadsBack() {
        UUID id = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
        Bytes out = new WireWriter(31).u8(7).u16(0xBEEF).u32(0xC004F038L).guid(id).u64(-2L).toBytes();
        WireReader r = WireReader.of(out);

        assertThat(r.u8("a")).isEqualTo(7);
        assertThat(r.u16("b")).isEqualTo(0xBEEF);
        assertThat(r.i32("c")).isEqualTo(0xC004F038);
        assertThat(r.guid("d")).isEqualTo(id);
        assertThat(r.u64("e")).isEqualTo(-2L);
        r.requireEnd("all");
    }

    @Test
    void zerosAndBytesAdvanceThePosition() {
        WireWriter w = new WireWriter(6).u8(1).zeros(2);
        assertThat(w.position()).isEqualTo(3);
        w.bytes(Bytes.fromHex("aabbcc"));

        assertThat(w.toBytes()).isEqualTo(Bytes.fromHex("010000aabbcc"));
    }

    @Test
    void aBufferNotFilledIsASizeComputedWrong() {
        WireWriter w = new WireWriter(4).u16(1);

        assertThatThrownBy(w::toArray).isInstanceOf(IllegalStateException.class).hasMessage("2 bytes left unwritten");
        assertThatThrownBy(w::toBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writingPastTheSizeFails() {
        assertThatThrownBy(() -> new WireWriter(3).u32(1)).isInstanceOf(BufferOverflowException.class);
        assertThatThrownBy(() -> new WireWriter(1).bytes(Bytes.fromHex("0102"))).isInstanceOf(BufferOverflowException.class);
    }
}

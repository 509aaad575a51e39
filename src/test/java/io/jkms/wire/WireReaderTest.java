package io.jkms.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireReaderTest {
    /** The Windows application ID as it travels: Data1..Data3 little-endian, Data4 as is. */
    static final String WINDOWS_APP_ID_WIRE = "3427c95582d6714d983ed6ec3f16059f";
    static final UUID WINDOWS_APP_ID = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");

    @Test
    void readsLittleEndianIntegersUnsigned() {
        WireReader r = WireReader.of(Bytes.fromHex("ff" + "feff" + "fcfdfeff" + "0807060504030201"));

        assertThat(r.u8("a")).isEqualTo(0xFF);
        assertThat(r.u16("b")).isEqualTo(0xFFFE);
        assertThat(r.position()).isEqualTo(3);
        assertThat(r.u32("c")).isEqualTo(0xFFFEFDFCL);
        assertThat(r.u64("d")).isEqualTo(0x0102030405060708L);
        assertThat(r.remaining()).isZero();
        r.requireEnd("whole");
    }

    @Test
    void i32KeepsTheBitPatternOfAnHresult() {
        assertThat(WireReader.of(Bytes.fromHex("38f004c0")).i32("hresult")).isEqualTo(0xC004F038);
        assertThat(WireReader.of(Bytes.fromHex("38f004c0")).u32("hresult")).isEqualTo(0xC004F038L);
    }

    @Test
    void readsAGuidInMicrosoftsMixedEndianLayout() {
        WireReader r = WireReader.of(Bytes.fromHex(WINDOWS_APP_ID_WIRE));

        assertThat(r.guid("appId")).isEqualTo(WINDOWS_APP_ID);
        r.requireEnd("guid");
    }

    @Test
    void aGuidLeavesTheReaderLittleEndian() {
        WireReader r = WireReader.of(Bytes.fromHex(WINDOWS_APP_ID_WIRE + "0100"));
        r.guid("g");
        assertThat(r.u16("after")).isEqualTo(1);
    }

    @Test
    void aShortInputNamesTheFieldTheOffsetAndWhatRemains() {
        WireReader r = WireReader.of(Bytes.fromHex("010203"));
        r.u16("first");

        assertThatThrownBy(() -> r.u32("count")).isInstanceOf(MalformedWireException.class)
                .hasMessage("count: needs 4 bytes at offset 2, 1 remain");
        assertThat(r.position()).as("a failed read consumes nothing").isEqualTo(2);
        assertThat(r.u8("last")).isEqualTo(3);
    }

    @Test
    void everyReadChecksWhatRemains() {
        assertThatThrownBy(() -> WireReader.of(new byte[0]).u8("u8")).isInstanceOf(MalformedWireException.class);
        assertThatThrownBy(() -> WireReader.of(new byte[1]).u16("u16")).isInstanceOf(MalformedWireException.class);
        assertThatThrownBy(() -> WireReader.of(new byte[3]).i32("i32")).isInstanceOf(MalformedWireException.class);
        assertThatThrownBy(() -> WireReader.of(new byte[7]).u64("u64")).isInstanceOf(MalformedWireException.class);
        assertThatThrownBy(() -> WireReader.of(new byte[15]).guid("guid")).isInstanceOf(MalformedWireException.class);
        assertThatThrownBy(() -> WireReader.of(new byte[4]).bytes(5, "blob")).isInstanceOf(MalformedWireException.class);
        assertThatThrownBy(() -> WireReader.of(new byte[4]).skip(5, "pad")).isInstanceOf(MalformedWireException.class);
    }

    @Test
    void aNegativeLengthFromTheWireIsMalformedNotAnIndexError() {
        assertThatThrownBy(() -> WireReader.of(new byte[8]).bytes(-1, "blob"))
                .isInstanceOf(MalformedWireException.class).hasMessageContaining("blob: needs -1 bytes");
        assertThatThrownBy(() -> WireReader.of(new byte[8]).skip(Integer.MIN_VALUE, "pad"))
                .isInstanceOf(MalformedWireException.class);
    }

    @Test
    void trailingBytesAreRejectedWithTheirCount() {
        WireReader r = WireReader.of(new byte[5]);
        r.u16("x");

        assertThatThrownBy(() -> r.requireEnd("BIND")).isInstanceOf(MalformedWireException.class)
                .hasMessage("BIND: 3 trailing bytes");
    }

    @Test
    void aWindowReadsOnlyItsOwnBytesFromPositionZero() {
        byte[] data = Bytes.fromHex("aabbccddeeff").toArray();
        WireReader r = WireReader.of(data, 2, 3);

        assertThat(r.position()).isZero();
        assertThat(r.bytes(3, "window")).isEqualTo(Bytes.fromHex("ccddee"));
        assertThatThrownBy(() -> r.u8("beyond")).isInstanceOf(MalformedWireException.class);
    }

    @Test
    void bytesAndSkipAdvanceAndCopy() {
        byte[] data = Bytes.fromHex("0102030405").toArray();
        WireReader r = WireReader.of(data);
        r.skip(1, "pad");
        Bytes two = r.bytes(2, "two");
        data[1] = 0x7F;

        assertThat(two).isEqualTo(Bytes.fromHex("0203"));
        assertThat(r.bytes(0, "none")).isEqualTo(Bytes.EMPTY);
        assertThat(r.remaining()).isEqualTo(2);
    }

    @Test
    void readingBytesInPlaceDoesNotChangeThem() {
        Bytes source = Bytes.fromHex("0102");
        WireReader r = WireReader.of(source);
        r.u16("all");

        assertThat(source).isEqualTo(Bytes.fromHex("0102"));
        assertThat(WireReader.of(source).u16("again")).isEqualTo(0x0201);
    }
}

package io.jkms.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void comparesByContentNotIdentity() {
        Bytes a = Bytes.of((byte) 1, (byte) 2);
        Bytes b = Bytes.fromHex("0102");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(Bytes.fromHex("0103")).isNotEqualTo("0102");
        assertThat(Bytes.of()).isEqualTo(Bytes.EMPTY);
    }

    @Test
    void ofCopiesSoLaterChangesDoNotShowThrough() {
        byte[] data = {1, 2, 3};
        Bytes copied = Bytes.of(data);
        Bytes window = Bytes.of(data, 1, 2);
        data[1] = 9;

        assertThat(copied).isEqualTo(Bytes.fromHex("010203"));
        assertThat(window).isEqualTo(Bytes.fromHex("0203"));
        byte[] out = copied.toArray();
        out[0] = 9;
        assertThat(copied.get(0)).isEqualTo((byte) 1);
    }

    @Test
    void wrapOwnedTakesTheArrayAsIsAndRefusesNull() {
        byte[] data = {1, 2};
        assertThat(Bytes.wrapOwned(data)).isEqualTo(Bytes.fromHex("0102"));
        assertThatThrownBy(() -> Bytes.wrapOwned(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void hexParsesEitherCaseAndPrintsLowerCase() {
        assertThat(Bytes.fromHex("ABcd").hex()).isEqualTo("abcd");
        assertThatThrownBy(() -> Bytes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bytes.fromHex("zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sliceConcatAndZeros() {
        Bytes b = Bytes.fromHex("0011223344");

        assertThat(b.slice(1, 3)).isEqualTo(Bytes.fromHex("1122"));
        assertThat(b.slice(2, 2)).isEqualTo(Bytes.EMPTY);
        assertThat(b.slice(0, 2).concat(Bytes.zeros(2))).isEqualTo(Bytes.fromHex("00110000"));
        assertThat(b.length()).isEqualTo(5);
        assertThatThrownBy(() -> b.slice(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.slice(6, 6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aSliceBeyondTheEndFailsRatherThanPaddingWithZeros() {
        Bytes b = Bytes.fromHex("0011");

        assertThatThrownBy(() -> b.slice(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Bytes.of(new byte[2], 1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void xorNeedsEqualLengths() {
        assertThat(Bytes.fromHex("0ff0").xor(Bytes.fromHex("ffff"))).isEqualTo(Bytes.fromHex("f00f"));
        assertThatThrownBy(() -> Bytes.fromHex("00").xor(Bytes.fromHex("0000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("xor of 1 and 2 bytes");
    }

    @Test
    void isAllZero() {
        assertThat(Bytes.EMPTY.isAllZero()).isTrue();
        assertThat(Bytes.zeros(8).isAllZero()).isTrue();
        assertThat(Bytes.fromHex("000001").isAllZero()).isFalse();
    }

    @Test
    void writeToPutsTheBytesAtThePositionAndTheReadOnlyViewCannotWrite() {
        ByteBuffer buffer = ByteBuffer.allocate(4);
        buffer.put((byte) 9);
        Bytes.fromHex("0102").writeTo(buffer);

        assertThat(buffer.array()).containsExactly(9, 1, 2, 0);
        assertThat(Bytes.fromHex("01").readOnlyView().isReadOnly()).isTrue();
    }

    @Test
    void toStringShowsShortValuesWhollyAndLongOnesCut() {
        assertThat(Bytes.fromHex("0a0b").toString()).isEqualTo("0a0b");
        assertThat(Bytes.zeros(64).toString()).hasSize(128);
        assertThat(Bytes.zeros(65).toString()).hasSize(128 + "…(65 bytes)".length()).endsWith("…(65 bytes)");
    }
}

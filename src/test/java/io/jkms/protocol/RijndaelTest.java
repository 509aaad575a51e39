package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jkms.wire.Bytes;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The block cipher of the three protocol versions: AES-128 (V5), patched AES-128 (V6), 160-bit Rijndael (V4). */
class RijndaelTest {
    private static byte[] hex(String hex) {
        return Bytes.fromHex(hex).toArray();
    }

    private static byte[] counting(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static String encrypt(Rijndael cipher, byte[] block) {
        byte[] out = new byte[16];
        cipher.encryptBlock(block, 0, out, 0);
        return Bytes.of(out).hex();
    }

    @Test
    void aesV5EncryptsTheZeroBlockAsAes128() {
        assertThat(encrypt(Rijndael.V5, new byte[16])).isEqualToIgnoringCase("EC7C7E75B1923978EAC4B2D2260235D5");
    }

    @Test
    void aesV6EncryptsWithThePatchedKeySchedule() {
        assertThat(encrypt(Rijndael.V6, new byte[16])).isEqualToIgnoringCase("8CA59DE0C483C04AA7026A22D6DD208E");
        assertThat(encrypt(Rijndael.V6, counting(16))).isEqualToIgnoringCase("CA89CA11B2C4E77A94E806AF17136B38");
    }

    @Test
    void decryptionInvertsEncryptionForEveryCipher() {
        byte[] block = hex("00112233445566778899AABBCCDDEEFF");
        for (Rijndael cipher : new Rijndael[] {Rijndael.V4, Rijndael.V5, Rijndael.V6}) {
            byte[] out = new byte[16];
            cipher.encryptBlock(block, 0, out, 0);
            assertThat(out).isNotEqualTo(block);
            cipher.decryptBlock(out, 0, out, 0);
            assertThat(out).isEqualTo(block);
        }
    }

    @Test
    void unpatchedRijndaelMatchesTheJdkAesOnFips197Vector() throws GeneralSecurityException {
        byte[] key = hex("000102030405060708090a0b0c0d0e0f");
        byte[] plain = hex("00112233445566778899aabbccddeeff");
        assertThat(encrypt(new Rijndael(key, false), plain)).isEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
        Cipher jdk = Cipher.getInstance("AES/ECB/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        assertThat(encrypt(new Rijndael(key, false), plain)).isEqualTo(Bytes.of(jdk.doFinal(plain)).hex());
    }

    @Test
    void matchesTheJdkAesForManyKeysAndBlocks() throws GeneralSecurityException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        for (int i = 0; i < 50; i++) {
            byte[] key = new byte[16];
            byte[] block = new byte[16];
            random.nextBytes(key);
            random.nextBytes(block);
            Cipher jdk = Cipher.getInstance("AES/ECB/NoPadding");
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            assertThat(encrypt(new Rijndael(key, false), block)).isEqualTo(Bytes.of(jdk.doFinal(block)).hex());
        }
    }

    @Test
    void theV6PatchChangesTheCipherButNotItsInverse() {
        byte[] key = hex("A94A4195E201432D9BCB460405D84A21");
        assertThat(encrypt(new Rijndael(key, true), new byte[16])).isEqualTo(encrypt(Rijndael.V6, new byte[16]))
                .isNotEqualTo(encrypt(new Rijndael(key, false), new byte[16]));
    }

    @Test
    void encryptsAndDecryptsAtOffsetsAndInPlace() {
        byte[] buffer = counting(40);
        byte[] expected = new byte[16];
        Rijndael.V5.encryptBlock(counting(40), 8, expected, 0);
        Rijndael.V5.encryptBlock(buffer, 8, buffer, 8);

        assertThat(java.util.Arrays.copyOfRange(buffer, 8, 24)).isEqualTo(expected);
        assertThat(java.util.Arrays.copyOfRange(buffer, 0, 8)).isEqualTo(java.util.Arrays.copyOfRange(counting(40), 0, 8));
        assertThat(java.util.Arrays.copyOfRange(buffer, 24, 40))
                .isEqualTo(java.util.Arrays.copyOfRange(counting(40), 24, 40));
        Rijndael.V5.decryptBlock(buffer, 8, buffer, 8);
        assertThat(buffer).isEqualTo(counting(40));
    }

    @Test
    void onlySixteenAndTwentyByteKeysAreAccepted() {
        for (int length : new int[] {0, 15, 17, 19, 21, 24, 32}) {
            assertThatIllegalArgumentException().as("%d bytes", length)
                    .isThrownBy(() -> new Rijndael(new byte[length], false))
                    .withMessage("key must be 16 or 20 bytes, not " + length);
        }
    }
}

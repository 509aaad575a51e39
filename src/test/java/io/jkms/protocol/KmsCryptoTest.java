package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.wire.Bytes;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Appendix B of the spec, and the ciphers against the JDK's AES. */
class KmsCryptoTest {
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
    void aesV6DecryptsTheZeroBlock() {
        assertThat(Bytes.of(KmsCrypto.decryptOne(Rijndael.V6, new byte[16])).hex())
                .isEqualToIgnoringCase("8A1A5B385CAAFF8DD0CE3913D2CBC26F");
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
    void cbcRoundTripsAndMatchesTheJdk() throws GeneralSecurityException {
        byte[] iv = counting(16);
        byte[] data = counting(64);
        byte[] ours = KmsCrypto.cbcEncrypt(Rijndael.V5, iv, data, 0, 64);
        Cipher jdk = Cipher.getInstance("AES/CBC/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hex("CD7E796F2AB25DCB55FFC8EF8364C470"), "AES"),
                new javax.crypto.spec.IvParameterSpec(iv));
        assertThat(ours).isEqualTo(jdk.doFinal(data));
        assertThat(KmsCrypto.cbcDecrypt(Rijndael.V5, iv, ours, 0, 64)).isEqualTo(data);
    }

    @Test
    void v4MacMatchesAppendixB() {
        assertThat(Bytes.of(KmsCrypto.v4Mac(new byte[0], 0, 0)).hex())
                .isEqualToIgnoringCase("D144963029E2BD12F9970C9F52B27F09");
        assertThat(Bytes.of(KmsCrypto.v4Mac(counting(32), 0, 32)).hex())
                .isEqualToIgnoringCase("63A8205F72A50CD39BE8C47BF15B1D07");
        assertThat(Bytes.of(KmsCrypto.v4Mac(counting(236), 0, 236)).hex())
                .isEqualToIgnoringCase("37871F67939EC71BFC6674F1630473DE");
    }

    @Test
    void v6SlotAndKeyMatchAppendixB() {
        long slot = KmsCrypto.timeSlot(0x01D9000000000000L);
        assertThat(slot).isEqualTo(0x3314FDF701947C06L);
        assertThat(Bytes.of(KmsCrypto.hmacKey(slot)).hex()).isEqualToIgnoringCase("4B414D2F58CB8799D85E280F2004B4AD");
    }

    @Test
    void v6HmacMatchesAppendixB() {
        byte[] key = KmsCrypto.hmacKey(KmsCrypto.timeSlot(0x01D9000000000000L));
        byte[] data = counting(100);
        assertThat(Bytes.of(KmsCrypto.hmacSha256(key, new byte[0], data, 0, 100)).hex())
                .isEqualToIgnoringCase("DF1F0A892D114B7D4F42C9CA9610509018DF20C4B4A0B457C6E7E112AB98DAAE");
        assertThat(Bytes.of(KmsCrypto.v6Hmac(KmsCrypto.timeSlot(0x01D9000000000000L), new byte[0], data, 0, 100))
                .hex()).isEqualToIgnoringCase("18DF20C4B4A0B457C6E7E112AB98DAAE");
    }

    /** The engines are clones of shared prototypes: threads at once must still each get the right digest. */
    @Test
    void hmacAndSha256AreRightFromManyThreadsAtOnce() throws Exception {
        byte[] key = KmsCrypto.hmacKey(KmsCrypto.timeSlot(0x01D9000000000000L));
        byte[] data = counting(100);
        String hmac = Bytes.of(KmsCrypto.hmacSha256(key, new byte[0], data, 0, 100)).hex();
        String sha = Bytes.of(KmsCrypto.sha256(data)).hex();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!Bytes.of(KmsCrypto.hmacSha256(key, new byte[0], data, 0, 100)).hex().equals(hmac)
                                || !Bytes.of(KmsCrypto.sha256(data)).hex().equals(sha)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hmac).isEqualToIgnoringCase("DF1F0A892D114B7D4F42C9CA9610509018DF20C4B4A0B457C6E7E112AB98DAAE");
    }

    @Test
    void timeSlotOfTheWorkedExampleIsAsInSection92() {
        assertThat(Long.divideUnsigned(133485408000000000L, KmsCrypto.C1)).isEqualTo(900711);
        assertThat(KmsCrypto.timeSlot(133485408000000000L)).isEqualTo(0x3316286135565FD5L);
    }

    @Test
    void pkcs7AlwaysPadsAndRejectsBadPadding() {
        assertThat(KmsCrypto.pkcs7Pad(new byte[16])).hasSize(32).endsWith(new byte[] {16, 16});
        assertThat(KmsCrypto.pkcs7PadLength(KmsCrypto.pkcs7Pad(new byte[13]))).isEqualTo(3);
        byte[] bad = KmsCrypto.pkcs7Pad(new byte[13]);
        bad[14] = 2;
        assertThat(KmsCrypto.pkcs7PadLength(bad)).isEqualTo(-1);
        byte[] zero = new byte[16];
        assertThat(KmsCrypto.pkcs7PadLength(zero)).isEqualTo(-1);
    }
}

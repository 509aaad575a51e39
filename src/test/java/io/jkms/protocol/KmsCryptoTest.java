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

    @Test
    void aesV6DecryptsTheZeroBlock() {
        assertThat(Bytes.of(KmsCrypto.decryptOne(Rijndael.V6, new byte[16])).hex())
                .isEqualToIgnoringCase("8A1A5B385CAAFF8DD0CE3913D2CBC26F");
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

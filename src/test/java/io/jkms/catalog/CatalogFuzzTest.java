package io.jkms.catalog;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/** Arbitrary bytes: only {@link CatalogException} / {@link InvalidKeyException} may escape. */
class CatalogFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void catalogLoadOnlyThrowsCatalogException(byte[] data) {
        try {
            Catalog.load(new ByteArrayInputStream(data));
        } catch (CatalogException expected) {
            // the only permitted failure
        }
    }

    @FuzzTest(maxDuration = "10s")
    void keyDecoderOnlyThrowsInvalidKeyException(FuzzedDataProvider data) {
        String key = data.consumeRemainingAsString();
        try {
            DecodedKey k = ProductKeys.decode(key);
            if (k.groupId() < 0 || k.checksum() > 0x3FF) {
                throw new AssertionError("out-of-range field in " + k);
            }
        } catch (InvalidKeyException expected) {
            // the only permitted failure
        }
    }
}

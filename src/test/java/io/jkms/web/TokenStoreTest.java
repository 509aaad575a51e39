package io.jkms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path dir;

    @Test
    void generatesOnceWithMode600AndReadsTheSameTokenAfter() throws Exception {
        TokenStore store = new TokenStore(dir.resolve("data"), new SplittableRandom(7));
        TokenStore.Token first = store.loadOrCreate();
        assertThat(first.created()).isTrue();
        assertThat(first.value()).hasSize(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        TokenStore.Token again = new TokenStore(dir.resolve("data"), new SplittableRandom(8)).loadOrCreate();
        assertThat(again.created()).isFalse();
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(first.toString()).doesNotContain(first.value());
    }
}

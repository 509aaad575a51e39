package io.jkms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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

    @Test
    void aTokenFileOthersCanReadIsReportedAndMadeOwnerOnly() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = data.resolve(TokenStore.FILE);
        Files.writeString(file, "pre-existing-token-0123456789abcdef\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Logger logger = (Logger) LoggerFactory.getLogger("io.jkms.web");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            TokenStore.Token token = new TokenStore(data, new SplittableRandom(7)).loadOrCreate();
            assertThat(token.value()).isEqualTo("pre-existing-token-0123456789abcdef");
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).contains(file.toString(), "rw-r--r--", "readable by others")
                    .doesNotContain("pre-existing-token");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theDataDirectoryATokenCreatesIsOwnerOnly() throws Exception {
        TokenStore store = new TokenStore(dir.resolve("fresh"), new SplittableRandom(7));
        store.loadOrCreate();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh"))))
                .isEqualTo("rwx------");
    }
}

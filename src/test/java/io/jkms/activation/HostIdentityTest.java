package io.jkms.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Csvlk;
import io.jkms.protocol.Epid;
import io.jkms.wire.Bytes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HostIdentityTest {
    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyCsvlkGetsAWellFormedEpidOfItsGroupRangeAndTheHostBuild() {
        for (long seed = 0; seed < 50; seed++) {
            HostIdentity identity = HostIdentity.create(IdentitySettings.defaults(), CATALOG, new SplittableRandom(seed),
                    NOW);
            assertThat(identity.all()).hasSameSizeAs(CATALOG.csvlks());
            for (CsvlkIdentity csvlk : identity.all()) {
                Epid epid = Epid.parse(csvlk.epid());
                Csvlk key = csvlk.csvlk();
                assertThat(epid.groupId()).isEqualTo(key.groupId());
                assertThat(epid.keyId()).isBetween(key.minKeyId(), key.maxKeyId());
                assertThat(epid.hostBuild()).isEqualTo(26100);
                assertThat(epid.platformId()).isEqualTo(3612);
                assertThat(epid.lcid()).isEqualTo(identity.lcid()).isIn(Lcids.KNOWN);
                LocalDate installed = LocalDate.ofYearDay(epid.year(), epid.dayOfYear());
                assertThat(installed).isAfterOrEqualTo(key.releaseDate()).isAfterOrEqualTo(LocalDate.of(2024, 11, 1))
                        .isBeforeOrEqualTo(LocalDate.of(2026, 11, 22));
                assertThat(csvlk.hwid().length()).isEqualTo(8);
            }
        }
    }

    @Test
    void anOlderHostBuildChangesPlatformAndTurnsNdr64Off() {
        IdentitySettings settings = new IdentitySettings(OptionalInt.of(7601), OptionalInt.of(1031), Optional.empty(),
                Map.of(), Optional.empty());
        HostIdentity identity = HostIdentity.create(settings, CATALOG, new SplittableRandom(1), NOW);
        assertThat(identity.ndr64()).isFalse();
        Epid epid = Epid.parse(identity.forCsvlk("Windows").epid());
        assertThat(epid.platformId()).isEqualTo(55041);
        assertThat(epid.hostBuild()).isEqualTo(7601);
        assertThat(epid.lcid()).isEqualTo(1031);
    }

    @Test
    void configuredEpidsAndHwidsAreUsedAsGiven() {
        String epid = "06401-00206-471-111111-03-1033-17763.0000-2822018";
        IdentitySettings settings = new IdentitySettings(OptionalInt.empty(), OptionalInt.empty(),
                Optional.of(Bytes.fromHex("3A1C049600B60076")),
                Map.of("Windows", new IdentitySettings.FixedIdentity(epid, Optional.of(Bytes.fromHex("0102030405060708")))),
                Optional.empty());
        HostIdentity identity = HostIdentity.create(settings, CATALOG, new SplittableRandom(2), NOW);
        assertThat(identity.forCsvlk("Windows").epid()).isEqualTo(epid);
        assertThat(identity.forCsvlk("Windows").hwid()).isEqualTo(Bytes.fromHex("0102030405060708"));
        assertThat(identity.forCsvlk("Office2016").hwid()).isEqualTo(Bytes.fromHex("3A1C049600B60076"));
    }

    @Test
    void anEpidForAnUnknownCsvlkIsRefusedWithTheKnownNames() {
        IdentitySettings settings = new IdentitySettings(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                Map.of("Windowz", new IdentitySettings.FixedIdentity("06401-00206-471-111111-03-1033-17763.0000-2822018",
                        Optional.empty())), Optional.empty());
        assertThatThrownBy(() -> HostIdentity.create(settings, CATALOG, new SplittableRandom(3), NOW))
                .hasMessageContaining("Windowz").hasMessageContaining("Office2010");
    }

    @Test
    void unknownBuildsAreDescribedLikeTheirNeighbours() {
        assertThat(HostBuild.of(19045).platformId()).isEqualTo(3612);
        assertThat(HostBuild.of(19045).released()).isEqualTo(LocalDate.of(2021, 8, 18));
        assertThat(HostBuild.of(9300).platformId()).isEqualTo(5426);
        assertThat(HostBuild.of(3790).platformId()).isEqualTo(55041);
        assertThat(HostBuild.of(3790).usesNdr64()).isFalse();
    }
}

package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.catalog.Csvlk;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpidCheckTest {
    /** Group 206, key IDs 551000000-570999999: vlmcsd's Windows CSVLK range. */
    static final Csvlk WINDOWS = new Csvlk("Windows", "Windows Server 2019", 206, 551_000_000L, 570_999_999L,
            LocalDate.of(2018, 10, 2), "test");

    @Test
    void aWellFormedEpidOfTheProductsCsvlkRaisesNothing() throws Exception {
        assertThat(EpidCheck.check(FakeKmsPeer.WINDOWS_EPID, Optional.of(WINDOWS))).isEmpty();
    }

    @Test
    void withoutAnExpectedCsvlkOnlyTheFormatIsChecked() throws Exception {
        assertThat(EpidCheck.check("03612-00096-199-000000-03-1033-17763.0000-2972018", Optional.empty())).isEmpty();
    }

    @Test
    void anotherGroupIsAWarningNamingBothGroups() throws Exception {
        List<Finding> findings = EpidCheck.check("03612-00096-199-000000-03-1033-17763.0000-2972018",
                Optional.of(WINDOWS));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(Finding.Level.WARNING);
            assertThat(f.name()).isEqualTo("epid-group");
            assertThat(f.message()).contains("expected 00206 (CSVLK Windows) but was 00096");
        });
    }

    @Test
    void aKeyIdOutsideTheRangeIsAWarningWithTheRange() throws Exception {
        List<Finding> findings = EpidCheck.check("03612-00206-199-000000-03-1033-17763.0000-2972018",
                Optional.of(WINDOWS));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("epid-key-range");
            assertThat(f.message()).contains("199000000", "551000000-570999999");
        });
    }

    @Test
    void theRangeIsInclusiveAtBothEnds() throws Exception {
        assertThat(EpidCheck.check("03612-00206-551-000000-03-1033-17763.0000-2972018", Optional.of(WINDOWS))).isEmpty();
        assertThat(EpidCheck.check("03612-00206-570-999999-03-1033-17763.0000-2972018", Optional.of(WINDOWS))).isEmpty();
        assertThat(EpidCheck.check("03612-00206-571-000000-03-1033-17763.0000-2972018", Optional.of(WINDOWS)))
                .extracting(Finding::name).containsExactly("epid-key-range");
    }

    @Test
    void aMalformedEpidIsAVerificationFailureQuotingIt() {
        for (String bad : new String[] {"", "03612-00206-556-123727-03-1033-17763.0000-29720X8", "not an epid"}) {
            assertThatThrownBy(() -> EpidCheck.check(bad, Optional.of(WINDOWS))).as(bad)
                    .isInstanceOfSatisfying(ClientException.class,
                            e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.VERIFICATION))
                    .hasMessageContaining("ePID format").hasMessageContaining("'" + bad + "'");
        }
    }
}

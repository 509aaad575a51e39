package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void eachClientErrorKindHasItsOutcome() {
        assertThat(Outcome.of(ClientException.Kind.UNREACHABLE)).isEqualTo(Outcome.UNREACHABLE);
        assertThat(Outcome.of(ClientException.Kind.RPC)).isEqualTo(Outcome.RPC);
        assertThat(Outcome.of(ClientException.Kind.VERIFICATION)).isEqualTo(Outcome.VERIFICATION);
    }

    @Test
    void descriptionsAreDistinctAndActivatedComesFirst() {
        assertThat(Outcome.values()[0]).isEqualTo(Outcome.ACTIVATED);
        assertThat(Arrays.stream(Outcome.values()).map(Outcome::description).distinct()).hasSize(Outcome.values().length);
        assertThat(Outcome.NOT_ENOUGH_CLIENTS.description()).isEqualTo("count below the N policy");
    }
}

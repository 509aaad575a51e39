package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NegotiatedContextsTest {

    @Test
    void thenTakesWhatTheLaterExchangeAcceptedAndKeepsTheRest() {
        NegotiatedContexts bind = new NegotiatedContexts(OptionalInt.empty(), OptionalInt.of(1), 3);
        NegotiatedContexts alter = new NegotiatedContexts(OptionalInt.of(0), OptionalInt.empty(), 0);

        assertThat(bind.then(alter)).isEqualTo(new NegotiatedContexts(OptionalInt.of(0), OptionalInt.of(1), 3));
    }

    @Test
    void aLaterAcceptanceReplacesAnEarlierOneButBtfnStaysFromTheBind() {
        NegotiatedContexts first = new NegotiatedContexts(OptionalInt.of(0), OptionalInt.of(1), 1);
        NegotiatedContexts later = new NegotiatedContexts(OptionalInt.of(4), OptionalInt.of(5), 3);

        assertThat(first.then(later)).isEqualTo(new NegotiatedContexts(OptionalInt.of(4), OptionalInt.of(5), 1));
        NegotiatedContexts none = new NegotiatedContexts(OptionalInt.empty(), OptionalInt.empty(), 0);
        assertThat(first.then(none)).isEqualTo(first);
        assertThat(none.then(none)).isEqualTo(none);
    }

    @Test
    void absentIsEmptyNotNull() {
        assertThatNullPointerException().isThrownBy(() -> new NegotiatedContexts(null, OptionalInt.empty(), 0))
                .withMessage("ndr32Context");
        assertThatNullPointerException().isThrownBy(() -> new NegotiatedContexts(OptionalInt.empty(), null, 0))
                .withMessage("ndr64Context");
    }
}

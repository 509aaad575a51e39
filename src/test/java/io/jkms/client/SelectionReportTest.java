package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectionReportTest {
    static HostAttempt attempt(int port, Outcome outcome) {
        return new HostAttempt(new HostAddress("127.0.0.1", port), outcome, outcome.description(), Optional.empty(),
                List.of(), List.of());
    }

    @Test
    void activatedWinsWhereverItIs() {
        SelectionReport r = new SelectionReport(List.of(attempt(1, Outcome.NOT_ENOUGH_CLIENTS),
                attempt(2, Outcome.ACTIVATED), attempt(3, Outcome.UNREACHABLE)));

        assertThat(r.outcome()).isEqualTo(Outcome.ACTIVATED);
        assertThat(r.success()).map(a -> a.host().port()).contains(2);
    }

    @Test
    void withoutSuccessTheOutcomeIsTheTryThatGotFurthest() {
        assertThat(new SelectionReport(List.of(attempt(1, Outcome.UNREACHABLE), attempt(2, Outcome.VERIFICATION),
                attempt(3, Outcome.RPC))).outcome()).isEqualTo(Outcome.VERIFICATION);
        assertThat(new SelectionReport(List.of(attempt(1, Outcome.REFUSED), attempt(2, Outcome.UNREACHABLE)))
                .outcome()).isEqualTo(Outcome.REFUSED);
        SelectionReport one = new SelectionReport(List.of(attempt(1, Outcome.UNREACHABLE)));
        assertThat(one.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(one.success()).isEmpty();
    }

    @Test
    void needsAnAttemptAndCopiesThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SelectionReport(List.of()))
                .withMessage("a report needs at least one attempt");
        List<HostAttempt> mutable = new ArrayList<>(List.of(attempt(1, Outcome.RPC)));
        SelectionReport r = new SelectionReport(mutable);
        mutable.add(attempt(2, Outcome.ACTIVATED));
        assertThat(r.attempts()).hasSize(1);
        assertThat(r.outcome()).isEqualTo(Outcome.RPC);
    }
}

package io.jkms.cli;

import static io.jkms.cli.ActivateCommandTest.activate;
import static io.jkms.cli.ActivateCommandTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.client.FakeKmsPeer;
import io.jkms.client.FakeKmsPeer.Behaviour;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Windows accepts is accepted, with a named warning for what a genuine host would not send; {@code --strict}
 * makes the warnings failures. What Windows rejects stays a failure.
 */
@Tag("network")
class ClientVerdictsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            WRONG_EPID_GROUP      | epid-group     | ePID group: expected 00206 (CSVLK Windows) but was 00096
            EPID_KEY_OUT_OF_RANGE | epid-key-range | ePID key ID 199000000 is outside CSVLK Windows's range
            V6_REQUEST_IV         | v6-iv          | the V6 answer is encrypted with the request's IV
            ZERO_HWID             | hwid           | the HWID is all zeros
            """)
    void aWarningIsNamedInTextAndJsonAndFailsOnlyWithStrict(Behaviour behaviour, String name, String message)
            throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(behaviour)) {
            var r = activate(with(peer.host().toString()));
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("warning [" + name + "]: " + message);
            var json = new ObjectMapper().readTree(activate(with(peer.host().toString(), "--json")).out());
            JsonNode warning = json.at("/products/0/attempts/0/requests/0/warnings/0");
            assertThat(warning.path("name").asText()).isEqualTo(name);
            assertThat(warning.path("level").asText()).isEqualTo("warning");
            assertThat(warning.path("message").asText()).contains(message);
            assertThat(json.at("/products/0/warnings").toString()).contains(name);
            var strict = activate(with(peer.host().toString(), "--strict"));
            assertThat(strict.code()).isEqualTo(5);
            assertThat(strict.err()).contains("verification failed", name, "--strict");
            var strictJson = new ObjectMapper().readTree(activate(with(peer.host().toString(), "--strict",
                    "--json")).out());
            assertThat(strictJson.path("exitCode").asInt()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            WRONG_HMAC | HMAC expected
            BAD_EPID   | ePID format
            WRONG_CMID | CMID expected
            """)
    void whatWindowsRejectsFailsWithoutStrict(Behaviour behaviour, String detail) throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(behaviour)) {
            var r = activate(with(peer.host().toString()));
            assertThat(r.code()).isEqualTo(5);
            assertThat(r.err()).contains(detail);
        }
    }

    @Test
    void aGenuineAnswerHasNoWarnings() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.GOOD)) {
            var r = activate(with(peer.host().toString(), "--strict", "--json"));
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(new ObjectMapper().readTree(r.out()).at("/products/0/warnings").size()).isZero();
        }
    }

    @Test
    void helpExplainsTheThreeLevels() {
        var r = activate("--help");
        assertThat(r.out()).contains("--strict", "warning");
    }
}

package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db/kms?user=jkms&password=s3cret&ssl=true|jdbc:postgresql://db/kms?user=jkms&password=***&ssl=true",
        "postgresql://jkms:s3cret@db:5432/kms|postgresql://jkms:***@db:5432/kms",
        "Server=db;Pwd=s3cret;Database=kms|Server=db;Pwd=***;Database=kms",
        "sslpassword=s3cret,user=x|sslpassword=***,user=x",
        "password = \"s3cret\"|password = \"***\"",
        "PASSWD: s3cret and more|PASSWD: *** and more",
    })
    void hidesPasswordsInUrlsAndKeyValueLists(String text, String redacted) {
        assertThat(Credentials.redact(text)).isEqualTo(redacted).doesNotContain("s3cret");
    }

    @Test
    void leavesTextWithoutPasswordsAloneAndNullAsNull() {
        assertThat(Credentials.redact("jdbc:sqlite:/var/lib/jkms/registry.db")).isEqualTo(
                "jdbc:sqlite:/var/lib/jkms/registry.db");
        assertThat(Credentials.redact("https://host/path?user=x")).isEqualTo("https://host/path?user=x");
        assertThat(Credentials.redact(null)).isNull();
    }

    @Test
    void hidesEveryOccurrence() {
        assertThat(Credentials.redact("password=a then password=b and //u:c@h"))
                .isEqualTo("password=*** then password=*** and //u:***@h");
    }
}

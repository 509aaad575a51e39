package io.jkms.catalog;

import java.util.Objects;
import java.util.UUID;

/**
 * A licensed application (Windows, Office 2010, Office 2013+).
 *
 * @param appId          the application ID a client sends
 * @param name           display name
 * @param defaultCsvlkId the CSVLK used for this application's unknown KMS IDs
 */
public record Application(UUID appId, String name, String defaultCsvlkId) {
    public Application {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultCsvlkId, "defaultCsvlkId");
    }
}

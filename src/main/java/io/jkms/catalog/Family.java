package io.jkms.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The product families of the catalog; {@link #label()} is the value used in the data file and on the CLI. */
public enum Family {
    WINDOWS_CLIENT("windows-client", "Windows client"),
    WINDOWS_SERVER("windows-server", "Windows Server"),
    OFFICE("office", "Office");

    private final String label;
    private final String displayName;

    Family(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    public String label() {
        return label;
    }

    public String displayName() {
        return displayName;
    }

    /** Accepts the label ({@code windows-server}), the enum name or the display name, case-insensitively. */
    public static Optional<Family> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values())
                .filter(f -> f.label.equals(t) || f.displayName.toLowerCase(Locale.ROOT).replace(' ', '-').equals(t))
                .findFirst();
    }
}

package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.DecodedKey;
import io.jkms.catalog.InvalidKeyException;
import io.jkms.catalog.Product;
import io.jkms.catalog.ProductKeys;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jkms key}: offline product-key tools (checking only; jkms never generates keys). */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Offline product-key tools.",
        subcommands = KeyCommand.Check.class)
public final class KeyCommand implements Runnable {
    private final Supplier<Catalog> catalog;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    public KeyCommand() {
        this(Catalog::loadDefault);
    }

    KeyCommand(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code jkms key check KEY…}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check product keys offline: a 2009-format key (one N) is decoded and its checksum and "
                    + "group ID verified; an older key is recognised by catalog lookup only."},
            exitCodeListHeading = "%nExit codes (the worst over all keys):%n",
            exitCodeList = {"0:every key is valid and a GVLK of the catalog",
                "3:a key is invalid (malformed, bad checksum, more than one N)",
                "4:a key is well-formed but not a GVLK of the catalog"})
    static final class Check implements Callable<Integer> {
        static final int INVALID = 3;
        static final int UNKNOWN = 4;

        @CommandLine.ParentCommand
        private KeyCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "KEY", arity = "1..*", description = "25-character product keys")
        private List<String> keys;

        @Override
        public Integer call() {
            Catalog c = parent.catalog.get();
            PrintWriter out = spec.commandLine().getOut();
            int worst = 0;
            for (String key : keys) {
                int rc = check(c, key, out);
                worst = rc == INVALID || worst == INVALID ? INVALID : Math.max(worst, rc);
            }
            out.flush();
            return worst;
        }

        private static int check(Catalog c, String input, PrintWriter out) {
            String key;
            try {
                key = ProductKeys.canonical(input);
            } catch (InvalidKeyException e) {
                out.println(safe(input) + ": invalid: " + e.getMessage());
                return INVALID;
            }
            Optional<Product> product = c.productByGvlk(key);
            String verdict;
            if (ProductKeys.is2009Format(key)) {
                DecodedKey d;
                try {
                    d = ProductKeys.decode(key);
                } catch (InvalidKeyException e) {
                    out.println(key + ": invalid: " + e.getMessage());
                    return INVALID;
                }
                verdict = key + ": valid 2009-format key, checksum " + d.checksum() + ", group ID " + d.groupId()
                        + ", serial " + d.serial();
            } else {
                verdict = key + ": older key format (no checksum to verify offline)";
            }
            if (product.isEmpty()) {
                out.println(verdict + "; not a GVLK of the catalog");
                return UNKNOWN;
            }
            out.println(verdict + "; GVLK of " + product.get().name() + " (" + product.get().release() + ")");
            return 0;
        }

        private static String safe(String s) {
            String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
            return "'" + t.replaceAll("\\p{Cntrl}", "?") + "'";
        }
    }
}

package io.jkms.dns;

import io.jkms.wire.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one key of a BIND key file, as {@code tsig-keygen} writes it and {@code nsupdate -k} reads it:
 * {@code key "name" { algorithm hmac-sha256; secret "base64"; };} (comments {@code #}, {@code //} and
 * {@code /* *}{@code /} allowed). Error messages never quote the secret.
 */
public final class TsigKeyFile {
    private static final int MAX_BYTES = 64 * 1024;
    /** A quoted string (kept: a base64 secret may hold "//"), or a comment (dropped). */
    private static final Pattern COMMENTS = Pattern.compile("(\"[^\"]*\")|/\\*.*?\\*/|(#|//)[^\\n]*",
            Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile(
            "\\s*key\\s+(\"[^\"]+\"|[A-Za-z0-9._-]+)\\s*\\{(.*?)}\\s*;\\s*", Pattern.DOTALL);
    private static final Pattern STATEMENT = Pattern.compile(
            "\\s*(algorithm|secret)\\s+(\"[^\"]*\"|[A-Za-z0-9.+/=_-]+)\\s*;", Pattern.DOTALL);

    private TsigKeyFile() {
    }

    /** @throws TsigKeyException when the file cannot be read or does not hold exactly one well-formed key */
    public static TsigKey read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new TsigKeyException(Files.exists(file) ? "not a regular file" : "cannot read it: no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new TsigKeyException("larger than " + MAX_BYTES + " bytes: not a key file");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TsigKeyException("cannot read it: " + e.getMessage());
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** @throws TsigKeyException when the text is not exactly one well-formed key statement */
    public static TsigKey parse(String text) {
        String clean = COMMENTS.matcher(text).replaceAll(m -> m.group(1) != null ? Matcher.quoteReplacement(m.group(1))
                : " ");
        Matcher key = KEY.matcher(clean);
        if (!key.matches()) {
            throw new TsigKeyException("not one BIND key statement: expected key \"NAME\" { algorithm "
                    + "hmac-sha256; secret \"BASE64\"; };");
        }
        String algorithm = null;
        String secret = null;
        String body = key.group(2);
        Matcher statement = STATEMENT.matcher(body);
        int at = 0;
        while (statement.find() && statement.start() == at) {
            String value = unquote(statement.group(2));
            if (statement.group(1).equals("algorithm")) {
                algorithm = once(algorithm, value, "algorithm");
            } else {
                secret = once(secret, value, "secret");
            }
            at = statement.end();
        }
        if (!body.substring(at).isBlank()) {
            throw new TsigKeyException("the key holds something other than 'algorithm NAME;' and 'secret \"BASE64\";'");
        }
        if (algorithm == null || secret == null) {
            throw new TsigKeyException("the key needs both an algorithm and a secret");
        }
        return key(unquote(key.group(1)), algorithm, secret);
    }

    private static TsigKey key(String name, String algorithm, String secret) {
        Bytes decoded;
        try {
            decoded = Bytes.wrapOwned(Base64.getDecoder().decode(secret));
        } catch (IllegalArgumentException e) {
            throw new TsigKeyException("the secret is not base64");
        }
        try {
            return new TsigKey(name, algorithm, decoded);
        } catch (IllegalArgumentException e) {
            throw new TsigKeyException(e.getMessage());
        }
    }

    private static String once(String previous, String value, String what) {
        if (previous != null) {
            throw new TsigKeyException("the key gives its " + what + " twice");
        }
        return value;
    }

    private static String unquote(String s) {
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}

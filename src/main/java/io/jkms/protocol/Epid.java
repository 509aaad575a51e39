package io.jkms.protocol;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An extended product ID (spec 6.1): {@code PPPPP-GGGGG-KKK-KKKKKK-03-LLLL-BBBB.0000-DDDYYYY}.
 *
 * @param platformId PPPPP, 0..99999
 * @param groupId GGGGG, the CSVLK group, 0..99999
 * @param keyId KKK-KKKKKK as one number, 0..999999999
 * @param lcid LLLL, 4 or 5 digits without leading zero
 * @param hostBuild BBBB, 4 or 5 digits without leading zero
 * @param dayOfYear DDD, 0..366 (py-kms counts from 0, vlmcsd from 1)
 * @param year YYYY, 1000..9999
 */
public record Epid(int platformId, int groupId, long keyId, int lcid, int hostBuild, int dayOfYear, int year) {
    /** 5+1+5+1+3+1+6+1+2+1+5+1+5+5+1+7 characters at most. */
    private static final int MAX_LENGTH = 50;
    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{5})-(\\d{5})-(\\d{3})-(\\d{6})-03-([1-9]\\d{3,4})-([1-9]\\d{3,4})\\.0000-(\\d{3})(\\d{4})");

    public Epid {
        check(platformId, 0, 99_999, "platform ID");
        check(groupId, 0, 99_999, "group ID");
        check(keyId, 0, 999_999_999, "key ID");
        check(lcid, 1000, 99_999, "LCID");
        check(hostBuild, 1000, 99_999, "host build");
        check(dayOfYear, 0, 366, "day of year");
        check(year, 1000, 9999, "year");
    }

    private static void check(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("ePID " + what + " " + value + " is outside " + min + ".." + max);
        }
    }

    /**
     * Parses the canonical text.
     *
     * @throws IllegalArgumentException naming what does not fit the format
     */
    public static Epid parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("ePID is " + text.length() + " characters, at most " + MAX_LENGTH);
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("ePID '" + text
                    + "' does not match PPPPP-GGGGG-KKK-KKKKKK-03-LLLL-BBBB.0000-DDDYYYY");
        }
        return new Epid(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3)) * 1_000_000 + Long.parseLong(m.group(4)), Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)));
    }

    /** The canonical text, e.g. {@code 03612-00206-556-123727-03-1033-17763.0000-2972018}. */
    @Override
    public String toString() {
        return String.format("%05d-%05d-%03d-%06d-03-%d-%d.0000-%03d%04d", platformId, groupId,
                keyId / 1_000_000, keyId % 1_000_000, lcid, hostBuild, dayOfYear, year);
    }
}

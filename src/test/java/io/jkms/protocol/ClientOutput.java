package io.jkms.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a capture's client printed: vlmcs {@code -v} blocks ("Request Parameters", "Response from KMS
 * server") of "key : value" lines, or py-kms client log lines ("KMS Host ePID: …"), in order.
 */
final class ClientOutput {
    private static final Pattern VLMCS_LINE = Pattern.compile("^(\\S.*?)\\s*: (.*)$");
    private static final Pattern PYKMS_LINE = Pattern.compile("INFO\\s+(KMS Host ePID|KMS Host HWID"
            + "|KMS Host Current Client Count|KMS VL Activation Interval|KMS VL Renewal Interval): (.*)$");

    final List<Map<String, String>> requests = new ArrayList<>();
    final List<Map<String, String>> responses = new ArrayList<>();

    ClientOutput(String text) {
        Map<String, String> current = null;
        Map<String, String> pykms = null;
        for (String line : text.split("\n")) {
            if (line.equals("Request Parameters")) {
                current = new LinkedHashMap<>();
                requests.add(current);
            } else if (line.equals("Response from KMS server")) {
                current = new LinkedHashMap<>();
                responses.add(current);
            } else if (PYKMS_LINE.matcher(line).find()) {
                if (pykms == null) {
                    pykms = new LinkedHashMap<>();
                    responses.add(pykms);
                }
                Matcher m = PYKMS_LINE.matcher(line);
                m.find();
                pykms.put(normalise(m.group(1)), m.group(2).trim());
            } else if (current != null) {
                Matcher m = VLMCS_LINE.matcher(line);
                if (m.matches()) {
                    current.putIfAbsent(m.group(1).trim(), m.group(2).trim());
                }
            }
        }
    }

    /** py-kms names mapped to vlmcs's. */
    private static String normalise(String pykmsKey) {
        return switch (pykmsKey) {
            case "KMS Host ePID" -> "KMS host extended PID";
            case "KMS Host HWID" -> "KMS host Hardware ID";
            case "KMS Host Current Client Count" -> "KMS host current active clients";
            case "KMS VL Activation Interval" -> "Activation interval policy";
            default -> "Renewal interval policy";
        };
    }

    /** The text up to the first blank or parenthesis: {@code "2 (OOB grace)"} → {@code "2"}. */
    static String head(String value) {
        int end = value.indexOf(' ');
        return end < 0 ? value : value.substring(0, end);
    }
}

package io.jkms.protocol;

import io.jkms.wire.MalformedWireException;
import java.util.Map;

/** The HRESULTs of KMS activation (spec 5.2), with their symbolic names and meanings. */
public final class Hresult {
    public static final int S_OK = 0;
    public static final int INVALID_DATA = MalformedWireException.HRESULT_INVALID_DATA;
    public static final int KMS_ID_MISMATCH = 0xC004F042;
    public static final int INVALID_TIMESTAMP = 0xC004F06C;
    public static final int NOT_ENOUGH_COUNT = 0xC004F038;
    public static final int BINDING_SERVICE_UNAVAILABLE = 0xC004F074;
    public static final int INVALID_ARG = 0xC004D104;
    public static final int ACCESS_DENIED = 0x80070005;
    public static final int KMS_NOT_ENABLED = 0xC004F039;
    public static final int KMS_NOT_ACTIVATED = 0xC004F041;

    private record Info(String name, String meaning) {
    }

    private static final Map<Integer, Info> INFO = Map.of(
            S_OK, new Info("S_OK", "success"),
            INVALID_DATA, new Info("HRESULT_FROM_WIN32(ERROR_INVALID_DATA)",
                    "invalid data: unsupported protocol version or malformed request"),
            KMS_ID_MISMATCH, new Info("SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH",
                    "the KMS host refuses this product"),
            INVALID_TIMESTAMP, new Info("SL_E_VL_INVALID_TIMESTAMP",
                    "the request time stamp is invalid (client and host clocks differ by more than 4 hours)"),
            NOT_ENOUGH_COUNT, new Info("SL_E_VL_NOT_ENOUGH_COUNT",
                    "the KMS host reported fewer clients than the product requires"),
            BINDING_SERVICE_UNAVAILABLE, new Info("SL_E_VL_BINDING_SERVICE_UNAVAILABLE",
                    "no KMS host could be contacted"),
            INVALID_ARG, new Info("SL_REMAPPING_SP_STATUS_INVALIDARG",
                    "the security processor reported that invalid data was used (client table exhausted)"),
            ACCESS_DENIED, new Info("E_ACCESSDENIED", "access denied"),
            KMS_NOT_ENABLED, new Info("SL_E_VL_KMS_NOT_ENABLED", "the KMS host is not enabled"),
            KMS_NOT_ACTIVATED, new Info("SL_E_VL_KMS_NOT_ACTIVATED", "the KMS host is not activated"));

    private Hresult() {
    }

    /** The symbolic name, or {@code "unknown HRESULT"}. */
    public static String name(int hresult) {
        Info info = INFO.get(hresult);
        return info == null ? "unknown HRESULT" : info.name();
    }

    /** A short meaning, or {@code "no description"}. */
    public static String meaning(int hresult) {
        Info info = INFO.get(hresult);
        return info == null ? "no description" : info.meaning();
    }

    /** {@code 0xC004F042 SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH: the KMS host refuses this product}. */
    public static String describe(int hresult) {
        return hex(hresult) + " " + name(hresult) + ": " + meaning(hresult);
    }

    /** {@code 0x8007000D}: eight upper-case hex digits. */
    public static String hex(int hresult) {
        return String.format("0x%08X", hresult);
    }
}

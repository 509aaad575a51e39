package io.jkms.protocol;

/**
 * A KMS-level refusal: the host answers it with a RESPONSE whose NDR pointer is NULL and whose return
 * value is {@link #hresult()}.
 */
public class KmsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int hresult;

    public KmsException(int hresult, String message) {
        super(message + " [" + Hresult.describe(hresult) + "]");
        this.hresult = hresult;
    }

    /** The HRESULT to put in the reply. */
    public int hresult() {
        return hresult;
    }

    static KmsException invalidData(String message) {
        return new KmsException(Hresult.INVALID_DATA, message);
    }
}

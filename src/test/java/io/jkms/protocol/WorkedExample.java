package io.jkms.protocol;

import io.jkms.wire.Bytes;
import java.util.UUID;

/** The inputs and golden bytes of spec chapter 9, shared by the tests. */
final class WorkedExample {
    static final UUID APP_ID = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    static final UUID ACT_ID = UUID.fromString("73111121-5638-40f6-bc11-f1d7b0d64300");
    static final UUID KMS_ID = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
    static final UUID CMID = UUID.fromString("0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final long CLIENT_TIME = 133485408000000000L;
    static final String EPID = "03612-00206-556-123727-03-1033-17763.0000-2972018";
    static final Bytes HWID = Bytes.fromHex("3A1C049600B60076");
    static final Bytes IVC = range(0x10);
    static final Bytes SALT = range(0x20);
    static final Bytes IVS = range(0x30);

    /** §9.2 step 1, version 6.0. */
    static final String BASE_REQUEST_V6 = ""
            + "0000060000000000" + "02000000C0A80000"
            + "3427C95582D6714D" + "983ED6EC3F16059F"
            + "211111733856F640" + "BC11F1D7B0D64300"
            + "4F13E258118E174D" + "9CB291069C151148"
            + "3D2C1A0B5F4E6B4A" + "8C7D9E0F1A2B3C4D"
            + "1900000000C08976" + "453CDA0100000000"
            + "0000000000000000" + "0000000057005300"
            + "300031002E006300" + "6F006E0074006F00"
            + "73006F002E006C00" + "6F00630061006C00"
            + "00".repeat(236 - 144);

    /** §9.2 step 2. */
    static final Bytes REQUEST_V6 = Bytes.fromHex(""
            + "000006001011121314151617" + "18191A1B1C1D1E1FE7303CEEAA6EDABFB28ECE74"
            + "E6704C3172480059C691D44E354EB489" + "ADED5CB64789C26990D78163C5469AEC"
            + "35982BF3C0D9DAD93889D43C1EC2AB72" + "EC9793A96F7396F236B6B5CA377FECD4"
            + "1B7B47E2DB0DCABFDA69B07602554C71" + "8279FCD1E959163888AD57B50C955B20"
            + "851B0B31FECC581098CFAA5C2D62CDFC" + "21C447003D96B00C7F96F5321591F570"
            + "021A47CBA8E4D84B77562D23C82E1711" + "33B0ED5F6B7CFFB1AB9A58856F39DF3B"
            + "5CB55299CED073707CBB3E6B44F5463A" + "0C8932BD175652C4008B5373CF6197D1"
            + "9F29B0D923E4F84517C40D36702AD11D" + "652BC34CB8C95D886821F879BFC87357"
            + "7C37E17C");

    static final Bytes DC_V6 = Bytes.fromHex("2F70E93827A68B6D4E6B46570D42B785");
    static final Bytes DC_V5 = Bytes.fromHex("F87E7B330AEE3930DE0FADBB53CE60D8");

    /** §9.2 step 8. */
    static final Bytes RESPONSE_V6 = Bytes.fromHex(""
            + "00000600303132333435363738393A3B" + "3C3D3E3FE6782CAF158DEC435CF146D3"
            + "744D4EFE62548E89D25350DA473F7C0C" + "7932E867E6840F4837FA2EC52FF6A218"
            + "33C648A3F134EA77E69670579FB95BDE" + "65B358C64F9F34287B44D7225350D579"
            + "AA722A3EDD6A45F6E90F1E388A3AB763" + "159FB9BE14A2F41117D185D4FB267EA1"
            + "9C1E0BEBF23D500C8C48133B969BE246" + "A86611887D3AD7119C6DE715A6BDDDFE"
            + "26F713A1C3F622C9E419A62DED17D703" + "2BA8B08811BA1714F073EE879F5EC278"
            + "30021FCA82B0C501D2BE16D09AD08F99" + "B338F2AC782C4BF8824CD46461950442"
            + "9687D99A5D24B1758013B68098EA0D72" + "24ADBEB609E475610EDDB6E98F802B2B"
            + "19A5DA90");

    static final String V5_REQUEST_CIPHER_PREFIX = "B536ECC9A7895CD1ADCD3357CCBED627";
    static final String V5_REQUEST_SUFFIX = "63C026B3E5C2A052B067BDC202C2DF5246D83F5F";
    static final String V5_RESPONSE_CIPHER_PREFIX = "062B21DE85748992828018CDA1946BE6";
    static final String V5_RESPONSE_SUFFIX = "46F99B06";
    static final String V4_REQUEST_MAC = "B68E9A0E151C25B0194B13884CCCDBBB";
    static final String V4_RESPONSE_MAC = "D4453A7BB7D62B65AC402F64849CB7CD";

    private WorkedExample() {
    }

    static KmsRequest request(ProtocolVersion version) {
        return new KmsRequest(version, 0, 2, 43200, APP_ID, ACT_ID, KMS_ID, CMID, 25, CLIENT_TIME,
                new UUID(0, 0), "WS01.contoso.local");
    }

    static KmsResponse response(ProtocolVersion version) {
        return new KmsResponse(version, EPID, CMID, CLIENT_TIME, 50, 120, 10080,
                version == ProtocolVersion.V6 ? HWID : Bytes.EMPTY);
    }

    /** The §9 base request with the version byte of {@code version}. */
    static Bytes baseRequest(ProtocolVersion version) {
        return withVersion(BASE_REQUEST_V6, version);
    }

    /** §9.2 step 4 (= the first 144 bytes of the step-7 plaintext) with the version of {@code version}. */
    static Bytes baseResponse(ProtocolVersion version) {
        StringBuilder epid = new StringBuilder();
        for (char c : EPID.toCharArray()) {
            epid.append(String.format("%02X00", (int) c));
        }
        return withVersion("00000600" + "64000000" + epid + "0000" + "3D2C1A0B5F4E6B4A8C7D9E0F1A2B3C4D"
                + "00C08976453CDA01" + "32000000" + "78000000" + "60270000", version);
    }

    private static Bytes withVersion(String hexV6, ProtocolVersion version) {
        byte[] b = Bytes.fromHex(hexV6).toArray();
        b[2] = (byte) version.major();
        return Bytes.of(b);
    }

    static Bytes range(int first) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (first + i);
        }
        return Bytes.of(b);
    }
}

package io.asyncops.server.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pools of hostile values: odd names and encodings, api-versions, JSON and XML bodies, header values. Every value
 * is ASCII-safe for a request line unless it is meant not to be. Generated from the seed only, so a run is
 * reproducible.
 */
final class Inputs {
    private Inputs() {
    }

    /** Path segments: lengths at and past every limit, control characters, encodings, separators, Unicode. */
    static List<String> names(Random r) {
        List<String> names = new ArrayList<>(List.of("a", "x".repeat(63), "x".repeat(64), "x".repeat(90),
                "x".repeat(91), "x".repeat(128), "x".repeat(129), "x".repeat(300), "x".repeat(6000), "%00", "%01",
                "a%0Bb", "%7F", "%2F", "a%2Fb", "a%2fb", "..", ".", "%2E%2E", "%2e", "%25", "%zz", "%", "a%",
                "%C0%AF", "%E2%80%AE", "%F0%9F%92%A9", "a%20b", "UPPER", "%C3%BCn%C3%AF", "%FF%FE", "a;b", "a,b",
                "a'b", "a%22b", "%3Cs%3E", "a%26b", "~", "a+b", "%0D%0AX-Injected:%20yes", "con", "-", "_",
                "(x)", "x.", "x ", "%09", "%5C", "a%5Cb", "%3F", "a%3Fb%3Dc", "%23", "%EF%BB%BF", "%ED%A0%80",
                "%C2%A0", "a%00b", "%u0041", "1e999", "-1", "0", "x".repeat(20), "x".repeat(21)));
        for (int i = 0; i < 20; i++) {
            names.add(randomEncoded(r, 1 + r.nextInt(40)));
        }
        return names;
    }

    /** A random segment of percent-encoded bytes, printable characters and separators. */
    static String randomEncoded(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        String plain = "abcXYZ019-_.~!$'()*+,;=:@";
        for (int i = 0; i < length; i++) {
            if (r.nextInt(3) == 0) {
                sb.append('%').append(String.format("%02X", r.nextInt(256)));
            } else {
                sb.append(plain.charAt(r.nextInt(plain.length())));
            }
        }
        return sb.toString();
    }

    /** api-version values: good, unknown, malformed, encoded control characters, huge, repeated. */
    static List<String> apiVersions() {
        return List.of("2021-11-01", "2025-04-01", "", "2021-11-01%00", "2021-11-01%0A", "2021-11-01%0B",
                "9999-99-99", "2021-11-01-preview", "x".repeat(3000), "%FF", "2021-11-01&api-version=2025-04-01",
                "2021-11-01%20", "2021-13-45", "1", "-1", "null", "2021-11-01%2F..", "%00", "2021-11-01x",
                "2021-11-01-", "2021-11-01-%00", "%E2%80%AE2021-11-01");
    }

    /** Extreme numbers as JSON literals. */
    static List<String> numbers() {
        return List.of("1e999999", "-1e999999", "1e-999999", "123456789012345678901234567890123456789",
                "-0", "0.0000000000000000000000000000001", "9".repeat(5000), "NaN", "Infinity", "0x10", "01",
                "1.", ".5", "1e", "-", "9223372036854775808", "-9223372036854775809", "1E+2147483648");
    }

    /** Deeply nested JSON arrays and objects (past any sane parser limit). */
    static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** 50 tags whose JSON escaping passes 60,000 characters (each character a control character: \\u0001). */
    static String escapedTags() {
        StringBuilder tags = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            if (i > 0) {
                tags.append(',');
            }
            String name = String.format("%03d", i) + "\\u0001".repeat(509);
            tags.append('"').append(name).append("\":\"").append("\\u0001".repeat(256)).append('"');
        }
        return tags.append('}').toString();
    }

    /** Malformed or odd JSON documents. */
    static List<String> brokenJson() {
        return List.of("", "{", "}", "[]", "null", "true", "\"x\"", "1", "{\"location\":", "{'location':'westus'}",
                "{\"location\":\"westus\"}garbage", "{\"location\":\"westus\"}{\"location\":\"westus\"}",
                "{\"location\":\"westus\"} {}", "{\"location\":\"westus\"}\u0000", "{\"location\":\"westus\",}",
                "{\"location\" \"westus\"}", "{\"location\":\"west\u0001us\"}", "{\"location\":\"\\uD800\"}",
                "{\"location\":\"\\u0000\"}", "{\"location\":\"westus\",\"location\":\"eastus\"}",
                "\uFEFF{\"location\":\"westus\"}", "{\"location\":[\"westus\"]}", "{\"location\":{}}",
                "{\"location\":null}", "{\"tags\":[1,2]}", "{\"tags\":\"x\"}", "{\"properties\":[]}",
                "/* c */ {\"location\":\"westus\"}", "{\"location\":\"westus\"} // c", "[{\"location\":\"westus\"}]",
                deepArray(3000), deepObject(3000), deepArray(100_000), "{\"a\":\"" + "x".repeat(300_000) + "\"}",
                "{\"" + "k".repeat(100_000) + "\":1}");
    }

    /** Location values: lengths past the column, control characters, odd text. */
    static List<String> locations() {
        return List.of("westus", "", " ", "x".repeat(65), "x".repeat(5000), "west\\u0001us", "west\\u0000us",
                "\\u202Ewestus", "WESTUS", "west us", "../westus", "westus/../../x", "%2F", "\\ud83d\\ude00");
    }

    /** Hostile XML documents for the classic plane (the valid one first). */
    static List<String> xmlBodies(String name) {
        String ns = "xmlns=\"http://schemas.microsoft.com/windowsazure\"";
        String settings = "<IntrinsicSettings><Edition>Standard</Edition><Region>West US</Region></IntrinsicSettings>";
        String head = "<Resource " + ns + "><Name>" + name + "</Name><Type>biztalk</Type><Plan>Standard</Plan>"
                + "<SchemaVersion>1.0</SchemaVersion>";
        List<String> xml = new ArrayList<>(List.of(head + settings + "</Resource>",
                "", "<", "<Resource", "not xml", "<Resource " + ns + "/>", "<Other " + ns + "/>",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Resource " + ns
                        + "><Name>&x;</Name></Resource>",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><Resource " + ns + "><Name>&c;</Name></Resource>",
                "<?xml version=\"1.1\"?>" + head.replace("<Name>" + name, "<Name>a&#1;b") + settings + "</Resource>",
                "<?xml version=\"1.1\"?><Resource " + ns + "><Name>&#1;</Name></Resource>",
                head.replace("<Name>" + name, "<Name>a&#0;b") + settings + "</Resource>",
                head.replace("<Name>" + name, "<Name>a&#x1F;b") + settings + "</Resource>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + head + settings + "</Resource>",
                "<?xml version=\"1.0\" encoding=\"EBCDIC-XX\"?>" + head + settings + "</Resource>",
                "<?xml version=\"2.0\"?>" + head + settings + "</Resource>",
                head + settings + "</Resource><Resource/>", head + settings + "</Resource>garbage",
                head + settings, head + "<![CDATA[" + "x".repeat(100) + "]]>" + settings + "</Resource>",
                head + "<?pi data?>" + settings + "</Resource>", head + "<!-- c -->" + settings + "</Resource>",
                "<Resource " + ns + ">" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</Resource>",
                head + settings + "<Tags>" + "<Tag><Key>k</Key><Value>v</Value></Tag>".repeat(1200) + "</Tags></Resource>",
                head + settings + "<Tags><Tag><Key>" + "k".repeat(512) + "</Key><Value>" + "v".repeat(256)
                        + "</Value></Tag></Tags></Resource>",
                head + settings + "<Tags><Tag><Key>" + "k".repeat(513) + "</Key><Value>v</Value></Tag></Tags></Resource>",
                head + settings + "<Tags><Tag><Key>k</Key><Value>" + "v".repeat(257) + "</Value></Tag></Tags></Resource>",
                head + "<IntrinsicSettings><Edition>Standard</Edition><Region>" + "r".repeat(200)
                        + "</Region></IntrinsicSettings></Resource>",
                head.replace("<SchemaVersion>1.0", "<SchemaVersion>" + "9".repeat(100)) + settings + "</Resource>",
                head.replace("<Plan>Standard", "<Plan>" + "P".repeat(100)) + settings + "</Resource>",
                head.replace("<Name>" + name, "<Name>" + "n".repeat(300)) + settings + "</Resource>",
                head.replace("<Name>" + name, "<Name>a\u000Bb") + settings + "</Resource>",
                head + "<IntrinsicSettings><Edition>Free</Edition><Region>West US</Region></IntrinsicSettings>"
                        + "</Resource>",
                head + "<IntrinsicSettings><Edition>" + "E".repeat(100) + "</Edition></IntrinsicSettings></Resource>",
                head + settings + "<Tags><Tag><Key>asyncops-fault</Key><Value>" + "F".repeat(300)
                        + "</Value></Tag></Tags></Resource>",
                "<x:Resource xmlns:x=\"urn:other\"><x:Name>" + name + "</x:Name></x:Resource>",
                "\uFEFF" + head + settings + "</Resource>",
                head + settings + classicTags(50, "k", "v") + "</Resource>",
                "<?xml version=\"1.1\"?>" + head + settings + classicTags(50, "&#1;", "&#2;") + "</Resource>",
                head + settings + classicTags(51, "k", "v") + "</Resource>",
                "<Resource " + ns + ">" + "x".repeat(70_000) + "</Resource>"));
        return xml;
    }

    /** {@code n} classic tags with the longest keys (512) and values (256) made of {@code key} and {@code value}. */
    static String classicTags(int n, String key, String value) {
        StringBuilder tags = new StringBuilder("<Tags>");
        for (int i = 0; i < n; i++) {
            tags.append("<Tag><Key>").append(String.format("%03d", i)).append(key.repeat(509)).append("</Key><Value>")
                    .append(value.repeat(256)).append("</Value></Tag>");
        }
        return tags.append("</Tags>").toString();
    }

    /** Header values of every odd shape. */
    static List<String> headerValues() {
        return List.of("", " ", "x".repeat(129), "x".repeat(201), "x".repeat(501), "x".repeat(7000), "a\u0001b",
                "\u00e9\u00e8", "a\tb", "\"quoted\"", "a,b,c", "=?utf-8?b?eA==?=", "%00", "null", "-1",
                "9".repeat(40), "Sun, 06 Nov 1994 08:49:37 GMT", "Mon, 32 Foo 9999 99:99:99 GMT");
    }
}

package dev.vigil.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Fuzzed path segments, query values and header values. Paths and queries are always percent-encoded, so the
 * request line stays one Netty can parse (it answers a broken escape such as {@code %zz} itself, with an empty
 * body: a known gap, see the README); header values never hold CR or LF, which would end the header.
 */
public final class RequestParts {
    private RequestParts() {
    }

    /** A path segment: random text, traversal and separator escapes, ids of the wrong shape, or very long. */
    public static String pathSegment(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "%00";
            case 1 -> "%2F" + percentEncoded(Garbage.text(random, 5));
            case 2 -> random.nextBoolean() ? "%2e%2e" : "%2E%2E%2F%2e%2e";
            case 3 -> longSegment(random);
            case 4 -> uuid(random).toString().toUpperCase();
            case 5 -> "%7B" + uuid(random) + "%7D";
            case 6 -> uuid(random).toString().replace("-", "");
            case 7 -> "1-2-3-4-" + random.nextInt(100);
            case 8 -> percentEncoded(uuid(random) + Garbage.TROUBLE.get(random.nextInt(Garbage.TROUBLE.size())));
            default -> percentEncoded(Garbage.text(random, 40));
        };
    }

    /**
     * Up to about 6000 characters: past the 4096 Vigil answers with a 414 problem, well short of the 64 KiB
     * request line Netty refuses with an empty body.
     */
    private static String longSegment(Random random) {
        String unit = percentEncoded(Garbage.text(random, 2));
        return unit.repeat(1 + random.nextInt(6000 / Math.max(1, unit.length())));
    }

    /** A query value: random text or numbers and words a caller might plausibly get wrong. */
    public static String queryValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> String.valueOf(random.nextInt(2000) - 500);
            case 2 -> "99999999999999999999";
            case 3 -> "1e3";
            case 4 -> "%201";
            case 5 -> uuid(random).toString();
            case 6 -> percentEncoded(uuid(random).toString().substring(0, 8 + random.nextInt(28)));
            default -> percentEncoded(Garbage.text(random, 30));
        };
    }

    /**
     * A query string (with its {@code ?}, or empty) naming some of {@code names}, now and then twice or with an
     * unknown name, each holding a {@link #queryValue} or, in a third of the cases, one of {@code plausible}.
     */
    public static String query(Random random, List<String> names, List<String> plausible) {
        List<String> pairs = new ArrayList<>();
        for (String name : names) {
            int times = random.nextInt(5) == 0 ? 2 : random.nextInt(2);
            for (int i = 0; i < times; i++) {
                String value = random.nextInt(3) == 0 ? plausible.get(random.nextInt(plausible.size()))
                        : queryValue(random);
                pairs.add(name + "=" + value);
            }
        }
        if (random.nextInt(5) == 0) {
            pairs.add(percentEncoded(Garbage.text(random, 10)) + "=" + queryValue(random));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A method the endpoint may not serve, including ones no server knows. */
    public static String method(Random random) {
        List<String> methods = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT",
                "PROPFIND", "FUZZ");
        return methods.get(random.nextInt(methods.size()));
    }

    /** An Accept header value a client might send, sensible or not. */
    public static String accept(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "application/json";
            case 1 -> "*/*";
            case 2 -> "text/html";
            case 3 -> "application/problem+json";
            case 4 -> "application/json;q=0";
            case 5 -> "";
            default -> headerSafe(Garbage.text(random, 30));
        };
    }

    /** A broken credential: random text, a bearer of junk or of a fake JWT, huge, or {@code valid} damaged. */
    public static String authorization(Random random, String valid) {
        return switch (random.nextInt(9)) {
            case 0 -> headerSafe(Garbage.text(random, 60));
            case 1 -> "Bearer " + headerSafe(Garbage.text(random, 60));
            case 2 -> "Bearer " + fakeJwt(random);
            case 3 -> "Bearer " + "A".repeat(4000 + random.nextInt(4000));
            case 4 -> "Basic " + Base64.getEncoder().encodeToString(Wtf8.encode(Garbage.text(random, 30)));
            case 5 -> "Bearer";
            case 6 -> "Bearer " + damaged(random, valid);
            case 7 -> "Bearer " + valid.substring(0, random.nextInt(valid.length()));
            default -> "Bearer " + valid + "." + headerSafe(Garbage.text(random, 10));
        };
    }

    /** An Idempotency-Key that breaks the rule (1-255 visible ASCII), or one that only just keeps it. */
    public static String idempotencyKey(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "k".repeat(255);
            case 2 -> "k".repeat(256 + random.nextInt(2000));
            case 3 -> "probe " + random.nextInt(100);
            default -> headerSafe(Garbage.text(random, 40));
        };
    }

    /** Every byte of {@code text} (lone surrogates included, see {@link Wtf8}) as {@code %XX} unless unreserved. */
    public static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : Wtf8.encode(text)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String headerSafe(String text) {
        return text.replace('\r', '?').replace('\n', '?');
    }

    private static String fakeJwt(Random random) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = random.nextBoolean() ? "{\"alg\":\"none\",\"typ\":\"JWT\"}"
                : "{\"alg\":\"RS256\",\"kid\":" + Garbage.shortJsonValue(random) + "}";
        String claims = "{\"sub\":\"x\",\"groups\":" + Garbage.shortJsonValue(random) + ",\"tenant\":"
                + Garbage.jsonString(random, 10) + "}";
        return url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(new byte[] {1, 2, 3});
    }

    /**
     * {@code valid} with one character changed, before its last dot: a JWT's signature covers that text, while
     * a changed last character of the signature itself may decode to the same bytes and stay valid.
     */
    private static String damaged(Random random, String valid) {
        int signed = valid.lastIndexOf('.') > 0 ? valid.lastIndexOf('.') : valid.length();
        int at = random.nextInt(signed);
        char replacement = (char) random.nextInt(0x21, 0x7e);
        if (replacement >= valid.charAt(at)) {
            replacement++; // never the character it replaces
        }
        return valid.substring(0, at) + replacement + valid.substring(at + 1);
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}

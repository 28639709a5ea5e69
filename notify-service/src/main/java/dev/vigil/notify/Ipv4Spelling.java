package dev.vigil.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a host written as an IPv4 number the way the C library's {@code inet_aton} does, so that every spelling a
 * resolver would accept is checked as the address it stands for: one to four parts, each decimal, octal (leading
 * {@code 0}) or hexadecimal ({@code 0x}), the last part filling the remaining bytes ({@code 127.1},
 * {@code 0x7f.0.0.1}, {@code 2130706433}, {@code 017700000001}).
 */
final class Ipv4Spelling {
    private Ipv4Spelling() {
    }

    /** The address {@code host} spells, or empty when it is not an IPv4 number (a name, or IPv6). */
    static Optional<InetAddress> parse(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = number(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        int last = parts.length - 1;
        long lastLimit = 1L << (8 * (4 - last));
        if (values[last] >= lastLimit) {
            return Optional.empty();
        }
        long address = values[last];
        for (int i = 0; i < last; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Optional<Long> number(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = lower;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = lower.substring(2);
        } else if (lower.length() > 1 && lower.startsWith("0")) {
            radix = 8;
            digits = lower.substring(1);
        }
        if (digits.isEmpty()) {
            return radix == 16 ? Optional.of(0L) : Optional.empty(); // "0x" is 0; an empty part is no number
        }
        if (digits.length() > 12) {
            return Optional.empty();
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(digits, radix));
    }
}

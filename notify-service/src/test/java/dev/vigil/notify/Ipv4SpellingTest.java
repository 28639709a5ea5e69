package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host spellings read as the C library's inet_aton reads them. */
class Ipv4SpellingTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1, 127.0.0.1", "127.1, 127.0.0.1", "0x7f.0.0.1, 127.0.0.1", "0x7F.1, 127.0.0.1",
            "2130706433, 127.0.0.1", "017700000001, 127.0.0.1", "0177.0.0.01, 127.0.0.1", "10.1.256, 10.1.1.0",
            "192.168.257, 192.168.1.1", "0, 0.0.0.0", "4294967295, 255.255.255.255", "1.2.3.4, 1.2.3.4"})
    void numbersInEverySpellingAreTheAddressTheyStandFor(String host, String address) throws Exception {
        assertEquals(InetAddress.getByName(address), Ipv4Spelling.parse(host).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.com", "1e100.net", "4294967296", "256.0.0.1", "1.2.3.4.5", "1..2",
            "08.0.0.1", "0x1g.0.0.1", "::1", "[::1]", "", "1.2.3.256", "1.2.65536", "1.16777216"})
    void namesAndOutOfRangeNumbersAreNotAddresses(String host) {
        assertTrue(Ipv4Spelling.parse(host).isEmpty(), host);
    }
}

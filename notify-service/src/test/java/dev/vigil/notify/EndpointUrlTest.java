package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlTest {

    @Test
    void httpsUrlIsAccepted() {
        assertEquals("hooks.example.com", EndpointUrl.parse("https://hooks.example.com/vigil?x=1", false).getHost());
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> EndpointUrl.parse("http://hooks.example.com/vigil", false));

        assertEquals(List.of(new Violation("url", "must use https")), refused.violations());
        assertEquals("hooks.example.com", EndpointUrl.parse("http://hooks.example.com/vigil", true).getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "/relative/path", "ftp://files.example.com/x",
            "https:///no-host", "https://user:pass@hooks.example.com/", "https://hooks.example.com/#frag",
            "javascript:alert(1)", "https://bad_host.example.com/"})
    void unacceptableUrlIsRejectedNamingTheUrlField(String url) {
        InvalidInputException rejected = assertThrows(InvalidInputException.class, () -> EndpointUrl.parse(url, true));

        assertEquals(1, rejected.violations().size());
        assertEquals("url", rejected.violations().get(0).field());
    }

    @Test
    void schemeIsStoredInLowerCase() {
        assertEquals("https://Hooks.example.com/Path?q=A%20b",
                EndpointUrl.parse(" HTTPS://Hooks.example.com/Path?q=A%20b ", false).toString());
    }

    @Test
    void defaultPortFollowsTheScheme() {
        assertEquals(443, EndpointUrl.port(EndpointUrl.parse("https://hooks.example.com/", false)));
        assertEquals(80, EndpointUrl.port(EndpointUrl.parse("http://hooks.example.com/", true)));
        assertEquals(8443, EndpointUrl.port(EndpointUrl.parse("https://hooks.example.com:8443/", false)));
    }
}

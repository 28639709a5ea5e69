package dev.vigil.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.platform.problem.ProblemException;
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
        ProblemException refused = assertThrows(ProblemException.class,
                () -> EndpointUrl.parse("http://hooks.example.com/vigil", false));

        assertEquals("url", refused.toProblem().errors().get(0).field());
        assertEquals("hooks.example.com", EndpointUrl.parse("http://hooks.example.com/vigil", true).getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "/relative/path", "ftp://files.example.com/x",
            "https:///no-host", "https://user:pass@hooks.example.com/", "https://hooks.example.com/#frag",
            "javascript:alert(1)", "https://bad_host.example.com/"})
    void unacceptableUrlIsRejectedNamingTheUrlField(String url) {
        ProblemException rejected = assertThrows(ProblemException.class, () -> EndpointUrl.parse(url, true));

        assertEquals(400, rejected.toProblem().status());
        assertEquals("url", rejected.toProblem().errors().get(0).field());
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

package dev.vigil.testsupport.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BodyMutationsTest {
    private static final String VALID =
            "{\"name\":\"Disk\",\"match\":{\"check\":\"disk\"},\"steps\":[{\"title\":\"A\"}]}";

    @Test
    void theSameSeedGivesTheSameMutants() {
        List<BodyMutations.Mutant> first = mutants(new Random(7), 200);
        List<BodyMutations.Mutant> again = mutants(new Random(7), 200);

        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).what(), again.get(i).what());
            assertArrayEquals(first.get(i).body(), again.get(i).body());
            assertEquals(first.get(i).contentType(), again.get(i).contentType());
        }
    }

    @Test
    void everyKindOfMutationTurnsUp() {
        Set<String> kinds = new HashSet<>();
        mutants(new Random(11), 1000).forEach(m -> kinds.add(m.what().replaceAll("[ =].*", "")));

        assertTrue(kinds.containsAll(Set.of("insert", "replace", "delete", "truncate", "value", "whole", "key",
                "unknown", "field", "empty", "bytes", "random", "Content-Type", "unchanged")), kinds::toString);
    }

    @Test
    void aLoneSurrogateTravelsAsItsThreeBytesNotAsAQuestionMark() {
        assertArrayEquals(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'}, Wtf8.encode("a\ud800b"));
        assertArrayEquals("\uD83D\uDD25".getBytes(StandardCharsets.UTF_8), Wtf8.encode("\uD83D\uDD25"));
    }

    @Test
    void pathSegmentsStayParseableAndUnderNettysRequestLineLimit() {
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            String segment = RequestParts.pathSegment(random);
            assertTrue(segment.matches("[A-Za-z0-9._~%-]*"), segment);
            assertTrue(segment.length() < 16_000, () -> "too long: " + segment.length());
        }
    }

    private static List<BodyMutations.Mutant> mutants(Random random, int count) {
        return IntStream.range(0, count).mapToObj(i -> BodyMutations.mutate(VALID, random)).toList();
    }
}

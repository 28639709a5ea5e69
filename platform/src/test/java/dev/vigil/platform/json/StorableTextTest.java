package dev.vigil.platform.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void ordinaryTextAndPairedSurrogatesAreStorable() {
        assertTrue(StorableText.isStorable(""));
        assertTrue(StorableText.isStorable("HTTP 503 on web-01, tab\tand newline\n"));
        assertTrue(StorableText.isStorable("disk full \uD83D\uDD25 at the end"));
        assertTrue(StorableText.isStorable("\uD83D\uDD25"));
    }

    @Test
    void nulAnywhereIsRefused() {
        assertFalse(StorableText.isStorable("\u0000"));
        assertFalse(StorableText.isStorable("web\u000001"));
        assertFalse(StorableText.isStorable("web-01\u0000"));
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertFalse(StorableText.isStorable("\uD800"), "high surrogate at the end");
        assertFalse(StorableText.isStorable("\uD800x"), "high surrogate before a letter");
        assertFalse(StorableText.isStorable("x\uDC00"), "low surrogate alone");
        assertFalse(StorableText.isStorable("\uDC00\uD800"), "a pair in the wrong order");
        assertFalse(StorableText.isStorable("\uD83D\uDD25\uDD25"), "a low surrogate after a complete pair");
    }
}

package dev.vigil.platform.json;

/**
 * Text Vigil can keep and pass on. PostgreSQL refuses U+0000 in {@code text}, and a lone UTF-16 surrogate has no
 * UTF-8 form, so a webhook receiver would get a replacement character or a broken body. Both are refused where
 * they enter, with the field named, instead of failing a consumer or a delivery later.
 */
public final class StorableText {
    public static final String RULE = "must not contain U+0000 or an unpaired UTF-16 surrogate";

    private StorableText() {
    }

    /** One pass over the chars, no allocation: ingest runs this on every string of every alert. */
    public static boolean isStorable(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}

package dev.vigil.ingest;

/** Free text from a vendor's payload, fitted to Vigil's limits: vendors are not refused for a long description. */
public final class VendorText {
    private VendorText() {
    }

    /** At most {@code max} characters, ending in an ellipsis when cut, never between the halves of a pair. */
    public static String shortened(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(max - 2)) ? max - 2 : max - 1;
        return stripped.substring(0, end) + "\u2026";
    }
}

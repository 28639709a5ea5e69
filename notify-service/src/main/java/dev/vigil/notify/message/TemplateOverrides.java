package dev.vigil.notify.message;

import java.util.Map;

/** A tenant's own templates, by kind and language; what it did not override is written from Vigil's. */
public record TemplateOverrides(Map<Key, TemplateText> texts) {
    public static final TemplateOverrides NONE = new TemplateOverrides(Map.of());

    public record Key(MessageKind kind, Language language) {
    }

    public TemplateOverrides {
        texts = Map.copyOf(texts);
    }

    /** The tenant's template of {@code kind} in {@code language}, or null for Vigil's. */
    public TemplateText get(MessageKind kind, Language language) {
        return texts.get(new Key(kind, language));
    }
}

package dev.vigil.notify;

import dev.vigil.notify.message.MessageTemplates;
import dev.vigil.notify.message.MessageWriter;
import dev.vigil.notify.message.TemplateOverrides;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;

/** Vigil's message templates outside Quarkus, on a Qute engine as strict as the service's. */
public final class TestMessages {
    public static final MessageTemplates TEMPLATES = new MessageTemplates(Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver()).strictRendering(true).build());
    public static final MessageWriter WRITER = new MessageWriter(TEMPLATES);
    /** Bodies from Vigil's own templates, as planning writes them for a tenant without overrides. */
    public static final NewDelivery.Bodies BODIES = (notice, event, format) ->
            WRITER.incident(notice, event, format, TemplateOverrides.NONE);

    private TestMessages() {
    }
}

package dev.vigil.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Checks every string Jackson binds from a request body, record fields, list elements, map keys and values
 * alike, against {@link StorableText}; a refused one fails binding with the field's JSON path. Jackson's own
 * collection and map deserializers use these because they are not its standard implementations.
 */
public class StorableTextModule extends SimpleModule {
    public StorableTextModule() {
        super("vigil-storable-text");
        addDeserializer(String.class, new StringValues());
        addKeyDeserializer(String.class, new StringKeys());
    }

    static final class StringValues extends StdScalarDeserializer<String> {
        StringValues() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !StorableText.isStorable(value)) {
                throw new UnstorableTextException(parser, StorableText.RULE);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** A refused key is reported on its map: the key itself is the text that cannot be shown. */
    static final class StringKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (!StorableText.isStorable(key)) {
                throw new UnstorableTextException(context.getParser(), "has a key that " + StorableText.RULE);
            }
            return key;
        }
    }
}

package dev.vigil.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a valid JSON body into a broken (or, now and then, still valid) one: a character inserted, replaced or
 * deleted; a truncation; a value of another type; a key named twice; an unknown or a missing field; bytes that
 * are not UTF-8; an empty body; the right body under the wrong Content-Type.
 */
public final class BodyMutations {
    public static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Stands in for raw JSON text while a tree is written out; no valid body contains it. */
    private static final String HOLE = "fuzz-hole-5f0c2a";
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
            "application/json; charset=no-such-charset", "application/jsonx", "*/*", "", "garbage", "application/",
            "application/json;;;=", "APPLICATION/JSON; charset=\"utf-8\"");
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC3});

    /** @param contentType null: no Content-Type header at all */
    public record Mutant(String what, byte[] body, String contentType) {
    }

    private BodyMutations() {
    }

    /** One mutation; now and then a structural one gets a character-level one on top. */
    public static Mutant mutate(String validJson, Random random) {
        Mutant first = once(validJson, random);
        boolean structural = first.what().startsWith("value") || first.what().startsWith("unknown")
                || first.what().startsWith("key");
        if (!structural || random.nextInt(5) != 0) {
            return first;
        }
        Mutant second = characterLevel(new String(first.body(), StandardCharsets.UTF_8), random);
        return new Mutant(first.what() + ", then " + second.what(), second.body(), second.contentType());
    }

    private static Mutant once(String validJson, Random random) {
        return switch (random.nextInt(14)) {
            case 0, 1, 2, 3 -> characterLevel(validJson, random);
            case 4, 5 -> replaceValue(validJson, random);
            case 6 -> duplicateKey(validJson, random);
            case 7 -> unknownField(validJson, random);
            case 8 -> removeField(validJson, random);
            case 9 -> json("empty body", random.nextBoolean() ? "" : " \r\n\t");
            case 10 -> notUtf8Inside(validJson, random);
            case 11 -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                yield new Mutant("random bytes", bytes, JSON);
            }
            case 12 -> {
                String type = random.nextInt(8) == 0 ? null
                        : WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()));
                yield new Mutant("Content-Type " + type, validJson.getBytes(StandardCharsets.UTF_8), type);
            }
            default -> json("unchanged", validJson);
        };
    }

    /** A character inserted, replaced or deleted, or the text cut short. */
    private static Mutant characterLevel(String json, Random random) {
        int at = random.nextInt(json.length());
        String piece = trouble(random);
        return switch (random.nextInt(4)) {
            case 0 -> json("insert " + Printable.of(piece, 10) + " at " + at,
                    json.substring(0, at) + piece + json.substring(at));
            case 1 -> json("replace char " + at + " by " + Printable.of(piece, 10),
                    json.substring(0, at) + piece + json.substring(at + 1));
            case 2 -> json("delete char " + at, json.substring(0, at) + json.substring(at + 1));
            default -> json("truncate at " + at, json.substring(0, at));
        };
    }

    /** {@code validJson} as it is, for the requests around the fuzzed one. */
    public static Mutant unchanged(String validJson) {
        return json("unchanged", validJson);
    }

    private static String trouble(Random random) {
        return random.nextInt(4) == 0 ? Garbage.text(random, 4)
                : Garbage.TROUBLE.get(random.nextInt(Garbage.TROUBLE.size()));
    }

    private static Mutant json(String what, String text) {
        return new Mutant(what, Wtf8.encode(text), JSON);
    }

    private static Mutant notUtf8Inside(String validJson, Random random) {
        byte[] valid = validJson.getBytes(StandardCharsets.UTF_8);
        byte[] bad = NOT_UTF8.get(random.nextInt(NOT_UTF8.size()));
        int at = random.nextInt(valid.length + 1);
        byte[] body = new byte[valid.length + bad.length];
        System.arraycopy(valid, 0, body, 0, at);
        System.arraycopy(bad, 0, body, at, bad.length);
        System.arraycopy(valid, at, body, at + bad.length, valid.length - at);
        return new Mutant("bytes not UTF-8 at " + at, body, JSON);
    }

    private static Mutant replaceValue(String validJson, Random random) {
        JsonNode root = parse(validJson);
        List<Slot> slots = slots(root, "$", new ArrayList<>());
        String value = Garbage.jsonValue(random);
        if (slots.isEmpty() || random.nextInt(10) == 0) {
            return json("whole body replaced by " + Printable.of(value, 40), value);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        slot.fill(new TextNode(HOLE));
        return json("value at " + slot.path() + " replaced by " + Printable.of(value, 40), write(root, value));
    }

    private static Mutant duplicateKey(String validJson, Random random) {
        JsonNode root = parse(validJson);
        List<ObjectNode> objects = objects(root, new ArrayList<>()).stream().filter(o -> !o.isEmpty()).toList();
        if (objects.isEmpty()) {
            return unknownField(validJson, random);
        }
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        String value = random.nextBoolean() ? object.get(name).toString() : Garbage.jsonValue(random);
        object.set(HOLE + "key", new TextNode(HOLE));
        String text = write(root, value).replace("\"" + HOLE + "key\"", MAPPER.valueToTree(name).toString());
        return json("key " + Printable.of(name, 40) + " named twice", text);
    }

    private static Mutant unknownField(String validJson, Random random) {
        JsonNode root = parse(validJson);
        List<ObjectNode> objects = objects(root, new ArrayList<>());
        if (objects.isEmpty()) {
            return json("unchanged", validJson);
        }
        String name = random.nextBoolean() ? "extra" + random.nextInt(100) : Garbage.text(random, 12);
        String value = Garbage.jsonValue(random);
        objects.get(random.nextInt(objects.size())).set(HOLE + "key", new TextNode(HOLE));
        return json("unknown field " + Printable.of(name, 40) + " = " + Printable.of(value, 40),
                write(root, value).replace("\"" + HOLE + "key\"", jsonKey(name)));
    }

    private static Mutant removeField(String validJson, Random random) {
        JsonNode root = parse(validJson);
        List<ObjectNode> objects = objects(root, new ArrayList<>()).stream().filter(o -> !o.isEmpty()).toList();
        if (objects.isEmpty()) {
            return json("unchanged", validJson);
        }
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        object.remove(name);
        return json("field " + name + " removed", root.toString());
    }

    /** A JSON key for {@code name}, its lone surrogates and NULs kept as escapes a client might send. */
    private static String jsonKey(String name) {
        StringBuilder out = new StringBuilder("\"");
        name.chars().forEach(c -> out.append(c == '"' || c == '\\' || c < 0x20 ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    /** Writes {@code root} with the hole filled by raw JSON text (which may be invalid or enormous). */
    private static String write(JsonNode root, String rawValue) {
        return root.toString().replace("\"" + HOLE + "\"", rawValue);
    }

    private static JsonNode parse(String validJson) {
        try {
            return MAPPER.readTree(validJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body to mutate must be valid JSON: " + validJson, e);
        }
    }

    /** A place holding a value: a field of an object or an element of an array. */
    private record Slot(String path, JsonNode parent, String field, int index) {
        void fill(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode node, String path, List<Slot> into) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : iterable(object)) {
                into.add(new Slot(path + "." + field.getKey(), object, field.getKey(), -1));
                slots(field.getValue(), path + "." + field.getKey(), into);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(new Slot(path + "[" + i + "]", array, null, i));
                slots(array.get(i), path + "[" + i + "]", into);
            }
        }
        return into;
    }

    private static List<ObjectNode> objects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> objects(child, into));
        return into;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        return fields;
    }
}

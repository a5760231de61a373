package org.cadre.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON documents strictly, for the API and the command line alike: no unknown fields, no null for
 * a number, nesting at most {@value #MAX_DEPTH} deep, lists of at most {@value #MAX_ITEMS} items. A document that
 * fails says why without echoing its content.
 */
public final class Documents {

    /** The deepest nesting a document may have. */
    public static final int MAX_DEPTH = 32;

    /**
     * The most items a list in a document may hold (a session's marks for an event of 10,000 participants). It bounds
     * the work and memory one request may ask for: each item may be answered with its own faults, and a 1 MiB body
     * of 200,000 empty items ran a server of 128 MB out of memory with four such requests at once.
     */
    public static final int MAX_ITEMS = 10_000;

    private static final ObjectMapper MAPPER = strict();

    /**
     * One JSON value and nothing after it, no unknown fields, no repeated field, and no value of one JSON type
     * read as another: "20" or 20.5 is not a whole number, 12 is not text, "true" is not a boolean.
     */
    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A decimal is read as written, not as a double first: 5e-999999999 read as 0 had been stored as 0 (the
                // attacker's review of session 23), and a figure of many digits lost its last ones.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (var shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (var type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    /** The most unknown fields a refusal names: beyond them, the document is no misspelling but something else. */
    private static final int MAX_UNKNOWN = 20;

    /**
     * The document bound to {@code type}, every unknown field and every field of the wrong type named, not only the
     * first: each is taken out of the tree and the tree bound again, so that a client who misspelled three fields learns
     * of all three at once (Jackson names the first it meets, with its path).
     */
    private static <T> T bind(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type, List<String> unknown, Items items)
            throws JsonProcessingException, Unreadable {
        while (true) {
            try {
                return MAPPER.treeToValue(tree, type);
            } catch (UnrecognizedPropertyException e) {
                if (items.setAside(tree, e, path(e) + ": is not a known field")) {
                    continue;
                }
                unknown.add(path(e) + ": is not a known field");
                if (unknown.size() >= MAX_UNKNOWN || !removed(tree, e.getPath())) {
                    throw refusal(unknown, items);
                }
            } catch (MismatchedInputException e) {
                if (e.getPath().isEmpty()) {
                    refuseIfMistyped(unknown, items);
                    throw e;
                }
                String fault = path(e) + ": " + expected(e.getTargetType());
                if (!items.setAside(tree, e, fault)) {
                    mistyped(tree, e, fault, placeholder(e.getTargetType()), unknown, items);
                }
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                if (!(e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) || e.getPath().isEmpty()) {
                    refuseIfMistyped(unknown, items);
                    throw e;
                }
                String fault = path(e) + ": is too large a number for this field";
                if (!items.setAside(tree, e, fault)) {
                    mistyped(tree, e, fault, com.fasterxml.jackson.databind.node.IntNode.valueOf(0), unknown, items);
                }
            } catch (IllegalArgumentException e) {
                refuseIfMistyped(unknown, items);
                throw e;
            }
        }
    }

    /** The marker of a field of the wrong type among the faults collected in {@code unknown} (taken off when named). */
    private static final String MISTYPED = "\u0000";

    /** The marker of a list's item that is null among the faults collected in {@code unknown} (taken off when named). */
    private static final String NULL_ITEM = "\u0001";

    /**
     * Names each item of a list that is null ({@code languages[0]: is required}), at most twenty, but not the items of the
     * top-level list {@code skip}, which the caller names as items.
     */
    private static void nullItems(com.fasterxml.jackson.databind.JsonNode node, String at, String skip, List<String> unknown) {
        if (node.isArray()) {
            boolean own = skip != null && at.equals(skip);
            for (int i = 0; i < node.size() && unknown.size() < MAX_UNKNOWN; i++) {
                if (node.get(i).isNull() && !own) {
                    unknown.add(NULL_ITEM + at + "[" + i + "]: is required");
                } else {
                    nullItems(node.get(i), at + "[" + i + "]", skip, unknown);
                }
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                nullItems(field.getValue(), (at.isEmpty() ? "" : at + ".") + fieldName(field.getKey()), skip, unknown);
            }
        }
    }

    /**
     * What refuses a document bound again without a field of the wrong type and failing then (a record that needs the field
     * taken out): the fields named so far, not a document "not of the expected shape"; otherwise the caller's own fault.
     */
    private static void refuseIfMistyped(List<String> unknown, Items items) throws Unreadable {
        if (unknown.stream().anyMatch(f -> f.startsWith(MISTYPED))) {
            throw refusal(unknown, items);
        }
    }

    /**
     * A field of the wrong type outside the items set aside: named with every other field at fault (unknown, or of the
     * wrong type too), and a value of its type put in its place (a number needs one: it cannot be left out), so that the
     * document is bound again and the rest is named in the same answer (the newcomer's review of session 13:
     * "maxParticipants": "20" hid every other fault until it was mended). The document is refused in the end all the
     * same, so the value put in is never read. Where no value can be put in, a field faulted a second time, or beyond
     * twenty faults, the document is refused with the faults found so far.
     *
     * @param with the value of the field's type to put in its place; null to take the field out
     */
    private static void mistyped(com.fasterxml.jackson.databind.JsonNode tree, com.fasterxml.jackson.databind.JsonMappingException e,
            String fault, com.fasterxml.jackson.databind.JsonNode with, List<String> unknown, Items items) throws Unreadable {
        String at = fault.substring(0, fault.indexOf(": ") + 2);
        if (unknown.stream().anyMatch(f -> f.startsWith(MISTYPED + at))) {
            throw refusal(unknown, items);
        }
        unknown.add(MISTYPED + fault);
        if (unknown.size() >= MAX_UNKNOWN || !replaced(tree, e.getPath(), with)) {
            throw refusal(unknown, items);
        }
    }

    /** A value of {@code type} that any such field takes, to stand in for one of the wrong type; null for none (leave it out). */
    private static com.fasterxml.jackson.databind.JsonNode placeholder(Class<?> type) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (type == null) {
            return null;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class || type == Integer.class
                || type == Long.class || type == Short.class || type == Byte.class) {
            return nodes.numberNode(0);
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return nodes.numberNode(0.0);
        }
        if (type == boolean.class || type == Boolean.class) {
            return nodes.booleanNode(false);
        }
        if (type == String.class) {
            return nodes.textNode("");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return nodes.arrayNode();
        }
        return null;
    }

    /**
     * Puts {@code with} in place of the field or item at {@code path} (for null, takes a field out, and puts a null in an
     * item's place); false when there is none there.
     */
    private static boolean replaced(com.fasterxml.jackson.databind.JsonNode tree,
            List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path, com.fasterxml.jackson.databind.JsonNode with) {
        boolean item = path.get(path.size() - 1).getFieldName() == null;
        if (with == null && !item) {
            return removed(tree, path);
        }
        if (with == null) {
            // An item of a list cannot be taken out without moving the others' places: a null stands in for it.
            with = com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        com.fasterxml.jackson.databind.JsonNode at = tree;
        for (int i = 0; i < path.size() - 1 && at != null; i++) {
            var r = path.get(i);
            at = r.getFieldName() != null ? at.get(r.getFieldName()) : at.get(r.getIndex());
        }
        var last = path.get(path.size() - 1);
        if (last.getFieldName() != null && at instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.has(last.getFieldName())) {
            o.set(last.getFieldName(), with);
            return true;
        }
        if (last.getFieldName() == null && last.getIndex() >= 0 && at instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                && last.getIndex() < a.size()) {
            a.set(last.getIndex(), with);
            return true;
        }
        return false;
    }

    /**
     * The faults found within the items of one list of a document ({@code changes[2].onn}), set aside by item instead of
     * refusing the whole document, so that a caller judges the other items and answers every fault at once; bounded,
     * like the unknown fields, so that a document of many faulty items is refused as a whole.
     */
    private static final class Items {
        private final String list;
        private final java.util.SortedMap<Integer, List<String>> faults = new java.util.TreeMap<>();
        private int count;

        Items(String list) {
            this.list = list;
        }

        static Items none() {
            return new Items(null);
        }

        /** Sets the fault at the exception's path aside under its item, taking the field out; false when it is no item's. */
        boolean setAside(com.fasterxml.jackson.databind.JsonNode tree, com.fasterxml.jackson.databind.JsonMappingException e, String fault) {
            var path = e.getPath();
            if (list == null || path.size() < 2 || !list.equals(path.get(0).getFieldName()) || path.get(1).getIndex() < 0
                    || count >= MAX_ITEM_FAULTS) {
                return false;
            }
            int item = path.get(1).getIndex();
            // The field taken out; or the item whole, when it is itself of the wrong type or taking its field out left
            // it unreadable (a number it needs): a field is named once, for its first fault, not for what taking it out did.
            if (!(path.size() > 2 && removed(tree, path)) && !nulled(tree, item)) {
                return false;
            }
            List<String> own = faults.computeIfAbsent(item, i -> new ArrayList<>());
            String at = fault.substring(0, fault.indexOf(": ") + 2);
            if (own.stream().noneMatch(f -> f.startsWith(at))) {
                own.add(fault);
                count++;
            }
            return true;
        }

        /** Sets text faults ({@code changes[2].person: ...}) aside by item, each such item taken out whole; the others are returned. */
        List<String> setAside(com.fasterxml.jackson.databind.JsonNode tree, List<String> texts) {
            if (list == null) {
                return texts;
            }
            List<String> rest = new ArrayList<>();
            java.util.regex.Pattern inItem = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(list) + "\\[(\\d+)\\][.:]");
            for (String text : texts) {
                java.util.regex.Matcher m = inItem.matcher(text);
                if (m.find() && count < MAX_ITEM_FAULTS) {
                    faults.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new ArrayList<>()).add(text);
                    count++;
                } else {
                    rest.add(text);
                }
            }
            faults.keySet().forEach(i -> nulled(tree, i));
            return rest;
        }

        private boolean nulled(com.fasterxml.jackson.databind.JsonNode tree, int item) {
            // An item taken out already is not taken out again: the fault at it is then no item's to set aside (no loop).
            if (tree.get(list) instanceof com.fasterxml.jackson.databind.node.ArrayNode a && item < a.size() && !a.get(item).isNull()) {
                a.set(item, com.fasterxml.jackson.databind.node.NullNode.getInstance());
                return true;
            }
            return false;
        }
    }

    /**
     * The paths of the lists holding more than {@link #MAX_ITEMS} items (a few at most), read from the text as a stream
     * of tokens before any tree is built: a 1 MiB body of 100,000 small objects is some 26 MB as a tree, so the count
     * must come first. Text that is not JSON gives none here; reading the tree says what is wrong with it.
     */
    private static List<String> crowdedLists(String text) {
        List<String> crowded = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.getFactory().createParser(text)) {
            Container top = null;
            String name = null;
            for (com.fasterxml.jackson.core.JsonToken t = parser.nextToken(); t != null && crowded.size() < MAX_UNKNOWN; t = parser.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    name = parser.currentName();
                    continue;
                }
                if (t.isStructEnd()) {
                    if (top.array && top.count > MAX_ITEMS) {
                        crowded.add(top.path() + ": holds " + top.count + " items; one request takes at most " + MAX_ITEMS);
                    }
                    top = top.parent;
                    continue;
                }
                int index = top != null && top.array ? top.count++ : -1;
                if (t.isStructStart()) {
                    top = new Container(top, t == com.fasterxml.jackson.core.JsonToken.START_ARRAY, index < 0 ? name : null, index);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return crowded;
    }

    /** An array or object being read by {@link #crowdedLists}: where it stands, and how many items it has had. */
    private static final class Container {
        final Container parent;
        final boolean array;
        final String name;
        final int index;
        int count;

        Container(Container parent, boolean array, String name, int index) {
            this.parent = parent;
            this.array = array;
            this.name = name;
            this.index = index;
        }

        /** As the API names a field: {@code slots[0].x}, or {@code body} for the document itself. */
        String path() {
            if (parent == null) {
                return "body";
            }
            String at = parent.parent == null ? "" : parent.path();
            return name != null ? (at.isEmpty() ? name : at + "." + name) : at + "[" + index + "]";
        }
    }

    /**
     * The faults found before the one that refuses the document: the unknown fields and those of the wrong type, in the
     * order met, and those set aside in items, put in the list's order: the document's own fields first, then each
     * item's, by its place. Past the twentieth item set aside, an item's faults are met as the document's own, and had
     * been named before the first twenty ({@code scores[20]}, {@code [21]}, {@code [22]}, then {@code [0]}: the newcomer's
     * review of session 23).
     */
    private static List<String> collected(List<String> unknown, Items items) {
        List<String> fields = new ArrayList<>();
        unknown.forEach(f -> fields.add(f.startsWith(MISTYPED) || f.startsWith(NULL_ITEM) ? f.substring(1) : f));
        items.faults.values().forEach(fields::addAll);
        if (items.list != null) {
            java.util.regex.Pattern item = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(items.list) + "\\[([0-9]{1,9})\\]");
            // Stable: the faults of one item keep the order they were met in.
            fields.sort(java.util.Comparator.comparingInt(f -> {
                java.util.regex.Matcher m = item.matcher(f);
                return m.find() ? Integer.parseInt(m.group(1)) : -1;
            }));
        }
        return fields;
    }

    /**
     * The most faults set aside within a list's items, as many as unknown fields are named: each is bound again, and
     * beyond them the document is refused as a whole.
     */
    private static final int MAX_ITEM_FAULTS = MAX_UNKNOWN;

    /** The document refused for the fields at fault collected so far: unknown ones, of the wrong type, within items. */
    private static Unreadable refusal(List<String> unknown, Items items) {
        boolean mistyped = unknown.stream().anyMatch(f -> f.startsWith(MISTYPED));
        boolean nulls = unknown.stream().anyMatch(f -> f.startsWith(NULL_ITEM));
        List<String> fields = collected(unknown, items);
        String message = !mistyped && !nulls ? (fields.size() == 1 ? "The document has a field that is not known here."
                : "The document has fields that are not known here.")
                : fields.size() > 1 ? "Fields are missing, of the wrong type or not known here."
                : mistyped ? "A field has the wrong type." : "A list holds an item that is null.";
        return new Unreadable(false, message, fields);
    }

    /** Takes the field at {@code path} out of the tree; false when the path leads to no field of an object. */
    private static boolean removed(com.fasterxml.jackson.databind.JsonNode tree,
            List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        com.fasterxml.jackson.databind.JsonNode at = tree;
        for (int i = 0; i < path.size() - 1 && at != null; i++) {
            var r = path.get(i);
            at = r.getFieldName() != null ? at.get(r.getFieldName()) : at.get(r.getIndex());
        }
        String last = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
        return last != null && at instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.remove(last) != null;
    }

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private Documents() {}

    /** Why a document could not be read: malformed JSON, or JSON whose fields do not fit the shape. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean malformed;
        private final List<String> fields;

        private Unreadable(boolean malformed, String message, List<String> fields) {
            super(message, null, false, false);
            this.malformed = malformed;
            this.fields = List.copyOf(fields);
        }

        /** Whether the text is not JSON of an object at all (as opposed to a field that does not fit). */
        public boolean malformed() {
            return malformed;
        }

        /** The fields at fault, as {@code path: reason}; empty when the document is malformed. */
        public List<String> fields() {
            return fields;
        }
    }

    /** The document as {@code type}. */
    public static <T> T read(byte[] json, Class<T> type) throws Unreadable {
        return read(json, type, Items.none());
    }

    /**
     * A document read with the faults within the items of one of its lists set aside.
     *
     * @param value the document, each field at fault within an item taken out (an item of the wrong type, or holding a
     *     text that cannot be stored, taken out whole: null)
     * @param itemFaults the faults of each item at fault, by the item's place, as {@code changes[2].onn: is not a known
     *     field}
     */
    public record Read<T>(T value, java.util.SortedMap<Integer, List<String>> itemFaults) {
        public Read {
            itemFaults = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(itemFaults));
        }
    }

    /**
     * The document as {@code type}, as {@link #read}, except that an unknown field, a value of the wrong type or a text
     * that cannot be stored within an item of the list {@code list} ({@code changes[2].onn}) is set aside by item
     * instead of refusing the document: the caller judges the other items and answers every fault at once (a newcomer
     * fixing one item learned of the next only then). Faults elsewhere, and more than 20 within items, refuse the
     * document as {@link #read} does.
     *
     * @param list the name of the top-level list whose items are read so
     */
    public static <T> Read<T> readItems(byte[] json, Class<T> type, String list) throws Unreadable {
        Items items = new Items(list);
        T value = read(json, type, items);
        return new Read<>(value, items.faults);
    }

    private static <T> T read(byte[] json, Class<T> type, Items items) throws Unreadable {
        String text = utf8(json);
        List<String> crowded = crowdedLists(text);
        List<String> unknown = new java.util.ArrayList<>();
        if (!crowded.isEmpty()) {
            throw new Unreadable(false, "A list holds more items than one request takes; send them in several requests.", crowded);
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new Unreadable(true, "The document is empty.", List.of());
            }
            List<String> texts = items.setAside(tree, Texts.check(tree));
            if (!texts.isEmpty()) {
                throw new Unreadable(false, "A text cannot be stored as sent; nothing was changed.", collected(texts, items));
            }
            // A null item of a list is named where it stands, with every other field at fault: a list of texts or numbers
            // took one and the domain's copy of it failed (a 500 for "languages": [null], the attacker's last check of session 13).
            nullItems(tree, "", items.list, unknown);
            T value = bind(tree, type, unknown, items);
            if (value == null) {
                throw new Unreadable(true, "The document is empty.", List.of());
            }
            if (!unknown.isEmpty()) {
                throw refusal(unknown, items);
            }
            return value;
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new Unreadable(true, (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                        ? "The document holds something after its value" : "The document is not a JSON object of the expected shape")
                        + at(e) + ".", List.of());
            }
            // Unknown fields read before it are named too.
            List<String> fields = collected(unknown, items);
            fields.add(path(e) + ": " + expected(e.getTargetType()));
            throw new Unreadable(false, "A field has the wrong type.", fields);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            boolean ended = e instanceof com.fasterxml.jackson.core.io.JsonEOFException || e.getLocation() != null
                    && e.getLocation().getCharOffset() >= text.length();
            // Jackson's own words are not repeated: they quote the document (a duplicate field's name, a character).
            String fault = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field") ? "a field is given twice in one object"
                    : ended ? "it ends before its value does" : "a character that JSON does not allow there";
            throw new Unreadable(true, "The document is not valid JSON: " + fault + at(e) + ".", List.of());
        } catch (JsonProcessingException e) {
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    && m.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
                // A number beyond its field's type (an int given 99999999999): the field is named, as a wrong type is.
                List<String> fields = collected(unknown, items);
                fields.add(path(m) + ": is too large a number for this field");
                throw new Unreadable(false, "A field has the wrong type.", fields);
            }
            throw new Unreadable(true, "The document is not a JSON object of the expected shape" + at(e) + ".", List.of());
        } catch (IllegalArgumentException e) {
            throw new Unreadable(true, "The document is not a JSON object of the expected shape.", List.of());
        } catch (IOException e) {
            throw new Unreadable(true, "The document could not be read.", List.of());
        }
    }

    /**
     * The document's text, read as UTF-8 only (Jackson would take UTF-16 and UTF-32 too, telling them by their
     * bytes): bytes that are not UTF-8 are refused. A UTF-8 byte order mark, which some editors write, is skipped.
     */
    private static String utf8(byte[] json) throws Unreadable {
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(json)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Unreadable(true, "The document is not UTF-8 text.", List.of());
        }
    }

    /**
     * Where in the document the reader stopped, as a person finds it in an editor ({@code  at line 3, column 14});
     * nothing of what the document says there is repeated, for it may be a person's name.
     */
    private static String at(JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation where = e.getLocation();
        if (where == null || where.getLineNr() < 1) {
            return "";
        }
        return " at line " + where.getLineNr() + (where.getColumnNr() > 0 ? ", column " + where.getColumnNr() : "");
    }

    /** What the field takes, in JSON's words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text (a JSON string)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list (a JSON array)";
        }
        return "must be an object";
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? fieldName(r.getFieldName()) : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
    }

    /**
     * A field's name as an error names it: as sent when it could be a field of a document (letters, digits and
     * underscores, at most 64), else "(a field)", so that an unknown field named after a person is not repeated.
     *
     * @param name the name as sent
     * @return the name to put in an error's path
     */
    public static String fieldName(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_]{0,63}") ? name : "(a field)";
    }
}

package org.cadre.server.web.pages;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The pages' words in one language, read from {@code pages/<bundle>_<lang>.properties} (UTF-8) for each of
 * {@link #BUNDLES}. A key missing from a language is a test failure ({@code MessagesTest}), never a blank on a page.
 */
public final class Messages {

    /** The languages the pages speak, the first the default. */
    public static final List<String> LANGUAGES = org.cadre.server.app.SignIn.LANGUAGES;

    /** The files the words come from, one per area of the pages; a key belongs to one of them. */
    static final List<String> BUNDLES = List.of("messages", "directory");

    private static final Map<String, Messages> ALL;

    static {
        ImmutableMap.Builder<String, Messages> all = ImmutableMap.builder();
        for (String lang : LANGUAGES) {
            all.put(lang, new Messages(lang, load(lang)));
        }
        ALL = all.build();
    }

    private final String lang;
    private final Map<String, String> texts;

    private Messages(String lang, Map<String, String> texts) {
        this.lang = lang;
        this.texts = texts;
    }

    /** The words of {@code lang}, or English for a language the pages do not speak. */
    public static Messages of(String lang) {
        return ALL.getOrDefault(lang, ALL.get("en"));
    }

    /** Whether the pages speak {@code lang}. */
    public static boolean speaks(String lang) {
        return lang != null && ALL.containsKey(lang);
    }

    public String lang() {
        return lang;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** The text of {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text for " + key + " in " + lang);
        }
        return args.length == 0 ? text : new MessageFormat(text, locale()).format(args);
    }

    /** The text of {@code key} if there is one, else {@code fallback}: for labels of values (a status, a role). */
    public String label(String key, String fallback) {
        return texts.getOrDefault(key, fallback);
    }

    /** Every key with its text. */
    public Map<String, String> texts() {
        return texts;
    }

    private static Map<String, String> load(String lang) {
        java.util.TreeMap<String, String> texts = new java.util.TreeMap<>();
        for (String bundle : BUNDLES) {
            String path = "/pages/" + bundle + "_" + lang + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String k : p.stringPropertyNames()) {
                    if (texts.put(k, p.getProperty(k)) != null) {
                        throw new IllegalStateException(k + " is in two bundles");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ImmutableMap.copyOf(texts);
    }
}

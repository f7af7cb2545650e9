package nl.jobcoachmonitor.measurement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The instrument definitions under {@code measurement/instruments}, loaded once with SnakeYAML (safe types only). */
@Component
public class Instruments {

    static final String LOCATION = "classpath:measurement/instruments/*.yaml";

    private final List<Instrument> all;

    public Instruments() {
        this(loadAll());
    }

    Instruments(List<Instrument> all) {
        this.all = List.copyOf(all);
    }

    public List<Instrument> all() {
        return all;
    }

    public Instrument get(String code, int version) {
        return all.stream().filter(i -> i.code().equals(code) && i.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instrument " + code + " v" + version));
    }

    /** The newest version of an instrument: what new responses answer. */
    public Instrument current(String code) {
        return all.stream().filter(i -> i.code().equals(code)).max(java.util.Comparator.comparingInt(Instrument::version))
                .orElseThrow(() -> new IllegalArgumentException("no instrument " + code));
    }

    static List<Instrument> loadAll() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            var list = new ArrayList<Instrument>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    list.add(load(in));
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Instrument load(InputStream in) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        var scales = (Map<String, List<Map<String, Object>>>) root.getOrDefault("scales", Map.of());
        var sections = new ArrayList<Section>();
        for (Map<String, Object> s : (List<Map<String, Object>>) root.get("sections")) {
            var items = new ArrayList<Item>();
            for (Map<String, Object> i : (List<Map<String, Object>>) s.get("items")) {
                items.add(item(i, scales));
            }
            sections.add(new Section(string(s, "code"), text(s.get("title")), List.copyOf(items)));
        }
        return new Instrument(string(root, "code"), ((Number) root.get("version")).intValue(), text(root.get("title")),
                List.copyOf(sections));
    }

    @SuppressWarnings("unchecked")
    private static Item item(Map<String, Object> i, Map<String, List<Map<String, Object>>> scales) {
        var type = ItemType.valueOf(string(i, "type"));
        List<Map<String, Object>> rawOptions = i.containsKey("options") ? (List<Map<String, Object>>) i.get("options")
                : i.containsKey("scale") ? scales.get(string(i, "scale")) : null;
        if (i.containsKey("scale") && rawOptions == null) {
            throw new IllegalStateException("unknown scale " + i.get("scale") + " at " + i.get("code"));
        }
        List<Option> options = rawOptions != null
                ? rawOptions.stream().map(o -> new Option(String.valueOf(o.get("value")), text(o))).toList()
                : type == ItemType.GRADE
                        ? IntStream.rangeClosed(1, 10).mapToObj(n -> new Option("" + n, new Text("" + n, "" + n))).toList()
                        : List.of();
        Condition condition = null;
        if (i.get("condition") instanceof Map<?, ?> c) {
            condition = new Condition(String.valueOf(c.get("item")),
                    Set.copyOf(((List<Object>) c.get("anyOf")).stream().map(String::valueOf).toList()));
        }
        Set<String> notAt = new LinkedHashSet<>();
        if (i.get("notAt") instanceof List<?> waves) {
            waves.forEach(w -> notAt.add(String.valueOf(w)));
        }
        return new Item(string(i, "code"), type, text(i.get("text")), i.containsKey("hint") ? text(i.get("hint")) : null,
                options, decimal(i.get("min")), decimal(i.get("max")), condition, Set.copyOf(notAt),
                i.containsKey("exclusive") ? string(i, "exclusive") : null);
    }

    private static Text text(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("expected a text with nl and en, got " + value);
        }
        return new Text(map.get("nl") == null ? null : String.valueOf(map.get("nl")),
                map.get("en") == null ? null : String.valueOf(map.get("en")));
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("missing " + key + " in " + map);
        }
        return String.valueOf(value);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }
}

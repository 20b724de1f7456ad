package dev.kotae.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contact page ({@code /contact}): {@code contact:} in {@code kotae.yml}. See docs/configuration.md.
 *
 * @param enabled whether {@code /contact} is served (and is then the default {@code site.contactUrl})
 * @param categories what a customer picks from, in the order shown
 * @param destinations where requests go, by name; a category names those its requests are sent to. With
 *     none, requests are kept in the queue and listed for admins on {@code /admin/contact}
 * @param submissionsPerMinutePerClient how many times a minute one client address may submit the form
 */
public record ContactConfig(boolean enabled, List<Category> categories, Map<String, DestinationConfig> destinations,
        int submissionsPerMinutePerClient) {

    /** A category id: what URLs, events ({@code contact/<id>}) and payloads name it by. */
    public static final Pattern CATEGORY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern DESTINATION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    public static final int DEFAULT_SUBMISSIONS_PER_MINUTE = 5;
    /**
     * The priorities a category may have: the keys of {@code dev.kotae.contact.Priority}, named here
     * because the contact package depends on the configuration, not the other way round.
     */
    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {};

    /**
     * One category.
     *
     * @param labels its label per UI language ({@code ja}, {@code en}); a missing one falls back to the other
     * @param priority one of {@link #PRIORITIES}
     * @param destinations the names of the destinations its requests go to (none: kept for admins only)
     */
    public record Category(String id, Map<String, String> labels, String priority, List<String> destinations) {
        public Category {
            if (!PRIORITIES.contains(priority)) {
                throw new IllegalArgumentException("contact.categories." + id + ".priority must be low, normal, high or urgent");
            }
            labels = Map.copyOf(labels);
            destinations = List.copyOf(destinations);
        }

        /** The label in {@code language}, else in the other language. */
        public String label(String language) {
            String label = labels.get(language);
            return label != null ? label : labels.values().iterator().next();
        }
    }

    /**
     * One destination: its {@code type} ({@code webhook}, …) and that type's settings, read by the type's
     * implementation. Settings may hold secrets: {@link #toString()} never shows them.
     */
    public record DestinationConfig(String name, String type, Map<String, Object> settings) {
        public DestinationConfig {
            settings = Map.copyOf(settings);
        }

        @Override
        public String toString() {
            return "DestinationConfig[name=" + name + ", type=" + type + ", settings=" + settings.keySet() + "]";
        }
    }

    public ContactConfig {
        categories = List.copyOf(categories);
        destinations = Map.copyOf(new LinkedHashMap<>(destinations));
        if (submissionsPerMinutePerClient < 1) {
            throw new IllegalArgumentException("contact.submissionsPerMinutePerClient must be at least 1");
        }
        if (enabled && categories.isEmpty()) {
            throw new IllegalArgumentException("contact.categories: at least one category is needed");
        }
        Set<String> ids = new HashSet<>();
        for (Category category : categories) {
            if (!ids.add(category.id())) {
                throw new IllegalArgumentException("contact.categories: id " + category.id() + " is used twice");
            }
            for (String destination : category.destinations()) {
                if (!destinations.containsKey(destination)) {
                    throw new IllegalArgumentException("contact.categories." + category.id() + ": no destination named '"
                            + destination + "' in contact.destinations");
                }
            }
        }
    }

    /** The category with this id, or {@code null}. */
    public Category category(String id) {
        return categories.stream().filter(category -> category.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * The label of the category with this id in {@code language} (else in the other language), or
     * {@code otherwise} when no category has that id any more (it was removed or renamed since).
     */
    public String label(String id, String language, String otherwise) {
        Category category = category(id);
        return category != null ? category.label(language) : otherwise;
    }

    /**
     * The bundled default: the page on, three categories (billing high, account normal, other low) and no
     * destination, so requests are kept for admins until one is configured.
     */
    public static ContactConfig defaults() {
        return new ContactConfig(true, List.of(
                new Category("billing", Map.of("ja", "請求・支払い", "en", "Billing"), "high", List.of()),
                new Category("account", Map.of("ja", "アカウント", "en", "Account"), "normal", List.of()),
                new Category("other", Map.of("ja", "その他", "en", "Other"), "low", List.of())),
                Map.of(), DEFAULT_SUBMISSIONS_PER_MINUTE);
    }

    public ContactConfig withCategories(List<Category> value) {
        return new ContactConfig(enabled, value, destinations, submissionsPerMinutePerClient);
    }

    public ContactConfig withDestinations(Map<String, DestinationConfig> value) {
        return new ContactConfig(enabled, categories, value, submissionsPerMinutePerClient);
    }

    public ContactConfig withSubmissionsPerMinute(int value) {
        return new ContactConfig(enabled, categories, destinations, value);
    }

    /**
     * Reads {@code contact:} from YAML: {@code enabled}, {@code submissionsPerMinutePerClient},
     * {@code categories} (a list of {@code id}, {@code label: {ja, en}}, {@code priority},
     * {@code destinations}) and {@code destinations} (name → {@code type} and that type's settings).
     * Keys not given keep the defaults; unknown keys are errors.
     */
    static ContactConfig read(JsonNode node, ContactConfig defaults) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("contact: must be a block (enabled, categories, destinations)");
        }
        boolean enabled = defaults.enabled();
        Map<String, DestinationConfig> destinations = defaults.destinations();
        List<Category> categories = defaults.categories();
        int perMinute = defaults.submissionsPerMinutePerClient();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "enabled" -> {
                    if (!value.isBoolean()) {
                        throw new IllegalArgumentException("contact.enabled must be true or false");
                    }
                    enabled = value.asBoolean();
                }
                case "submissionsPerMinutePerClient" -> {
                    if (!value.canConvertToInt()) {
                        throw new IllegalArgumentException("contact.submissionsPerMinutePerClient must be a whole number");
                    }
                    perMinute = value.asInt();
                }
                case "destinations" -> destinations = readDestinations(value);
                case "categories" -> categories = readCategories(value);
                default -> throw new IllegalArgumentException("contact." + field.getKey()
                        + " is not a setting (enabled, submissionsPerMinutePerClient, categories, destinations)");
            }
        }
        return new ContactConfig(enabled, categories, destinations, perMinute);
    }

    private static Map<String, DestinationConfig> readDestinations(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("contact.destinations must be a block of name: {type: ..., ...}");
        }
        Map<String, DestinationConfig> destinations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            if (!DESTINATION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("contact.destinations: '" + name
                        + "' is not a name (letters, digits, . _ -, at most 64)");
            }
            JsonNode block = entry.getValue();
            if (!block.isObject() || !block.path("type").isTextual()) {
                throw new IllegalArgumentException("contact.destinations." + name + " needs a type (e.g. webhook)");
            }
            Map<String, Object> settings = new LinkedHashMap<>(MAPPER.convertValue(block, SETTINGS));
            String type = String.valueOf(settings.remove("type")).strip().toLowerCase(Locale.ROOT);
            destinations.put(name, new DestinationConfig(name, type, settings));
        }
        return destinations;
    }

    private static List<Category> readCategories(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("contact.categories must be a list of {id, label, priority, destinations}");
        }
        List<Category> categories = new ArrayList<>();
        for (JsonNode item : node) {
            String where = "contact.categories[" + categories.size() + "]";
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                if (!Set.of("id", "label", "priority", "destinations").contains(field.getKey())) {
                    throw new IllegalArgumentException(where + "." + field.getKey()
                            + " is not a setting (id, label, priority, destinations)");
                }
            }
            String id = item.path("id").asText("");
            if (!CATEGORY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + ".id must be lower-case letters, digits, _ and - (at most 32)");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            JsonNode label = item.path("label");
            if (label.isTextual()) {
                labels.put("ja", label.asText());
                labels.put("en", label.asText());
            } else if (label.isObject()) {
                for (Map.Entry<String, JsonNode> language : label.properties()) {
                    if (!Set.of("ja", "en").contains(language.getKey()) || language.getValue().asText("").isBlank()) {
                        throw new IllegalArgumentException(where + ".label: give ja and/or en texts");
                    }
                    labels.put(language.getKey(), language.getValue().asText().strip());
                }
            }
            if (labels.isEmpty()) {
                throw new IllegalArgumentException(where + " (" + id + ") needs a label: {ja: ..., en: ...}");
            }
            String priority = item.path("priority").asText("").strip().toLowerCase(Locale.ROOT);
            if (!PRIORITIES.contains(priority)) {
                throw new IllegalArgumentException(where + " (" + id + ").priority must be low, normal, high or urgent");
            }
            List<String> names = new ArrayList<>();
            JsonNode destinations = item.path("destinations");
            if (destinations.isTextual()) {
                names.add(destinations.asText());
            } else if (destinations.isArray()) {
                destinations.forEach(name -> names.add(name.asText()));
            } else if (!destinations.isMissingNode() && !destinations.isNull()) {
                throw new IllegalArgumentException(where + " (" + id + ").destinations must be a list of names");
            }
            categories.add(new Category(id, labels, priority, names));
        }
        return categories;
    }
}

package dev.kotae.contact;

import dev.kotae.config.ContactConfig;
import dev.kotae.contact.destination.SmtpDestination;
import dev.kotae.contact.destination.WebhookDestination;
import dev.kotae.contact.destination.ZendeskDestination;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the configured destinations: the one place a destination {@code type} is turned into code. */
public final class ContactDestinations {

    private ContactDestinations() {}

    /**
     * Every destination of {@code config}, by name.
     *
     * @throws IllegalArgumentException for an unknown type or bad settings, naming the destination: the
     *     server does not start with a destination it cannot use
     */
    public static Map<String, Destination> build(ContactConfig config) {
        Map<String, Destination> built = new LinkedHashMap<>();
        for (ContactConfig.DestinationConfig destination : config.destinations().values()) {
            try {
                built.put(destination.name(), create(destination));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("contact.destinations." + destination.name() + ": " + e.getMessage(), e);
            }
        }
        return built;
    }

    /** One destination of its type. A new type is one more case here. */
    static Destination create(ContactConfig.DestinationConfig destination) {
        return switch (destination.type()) {
            case "webhook" -> WebhookDestination.of(destination.name(), destination.settings());
            case SmtpDestination.TYPE -> SmtpDestination.fromSettings(destination.name(), strings(destination.settings()));
            case ZendeskDestination.TYPE -> ZendeskDestination.fromSettings(destination.name(),
                    strings(destination.settings()));
            default -> throw new IllegalArgumentException("unknown type '" + destination.type()
                    + "' (known: webhook, smtp, zendesk)");
        };
    }

    /** Settings as text, as the e-mail and ticket destinations read them: {@code port: 587} is "587", a list is comma-separated. */
    private static Map<String, String> strings(Map<String, Object> settings) {
        Map<String, String> strings = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (value instanceof Collection<?> list) {
                strings.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
            } else if (value != null) {
                strings.put(key, String.valueOf(value));
            }
        });
        return strings;
    }
}

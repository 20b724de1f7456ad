package dev.kotae.contact;

import dev.kotae.config.ContactConfig;
import dev.kotae.contact.destination.WebhookDestination;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** One destination of its type. New types (smtp, zendesk) are one more case here. */
    static Destination create(ContactConfig.DestinationConfig destination) {
        return switch (destination.type()) {
            case "webhook" -> WebhookDestination.of(destination.name(), destination.settings());
            default -> throw new IllegalArgumentException("unknown type '" + destination.type() + "' (known: webhook)");
        };
    }
}

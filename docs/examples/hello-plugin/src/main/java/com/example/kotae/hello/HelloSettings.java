package com.example.kotae.hello;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The plugin's block in {@code kotae.yml}:
 *
 * <pre>
 * plugins:
 *   hello-plugin:
 *     greeting: "Welcome to the Example Shop help center!"
 * </pre>
 *
 * @param greeting the sentence that opens both articles; optional
 */
record HelloSettings(String greeting) {

    static final String DEFAULT_GREETING = "Hello from a Kotae plugin!";

    // A plain ObjectMapper rejects unknown keys, so a typo such as "greting" stops the plugin with a
    // message in /api/v1/admin/status instead of being ignored.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    HelloSettings {
        if (greeting == null) {
            greeting = DEFAULT_GREETING;
        } else if (greeting.isBlank()) {
            throw new IllegalArgumentException("greeting must not be blank");
        }
    }

    /**
     * Reads the settings the server passes in {@code PluginContext.settings()}: plain YAML values (maps,
     * lists, strings, numbers, booleans), which Jackson converts into this record.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value; thrown from {@code start}, the
     *     message is shown to administrators
     */
    static HelloSettings from(Map<String, Object> settings) {
        try {
            return MAPPER.convertValue(settings, HelloSettings.class);
        } catch (IllegalArgumentException e) {
            // convertValue wraps Jackson's exception; its original message names the key without noise.
            String reason = e.getCause() instanceof JsonMappingException mapping
                    ? mapping.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("bad settings for hello-plugin: " + reason, e);
        }
    }
}

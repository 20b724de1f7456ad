package com.example.kotae.hello;

/**
 * The plugin's block in {@code kotae.yml}:
 *
 * <pre>
 * plugins:
 *   hello-plugin:
 *     greeting: "Welcome to the Example Shop help center!"
 * </pre>
 *
 * The server binds the block to this record ({@code context.settings(HelloSettings.class)}): an unknown key
 * such as {@code greting}, or the exception thrown below, stops the plugin with a message in
 * {@code /api/v1/admin/status}. Absent keys arrive as {@code null}: defaults go here.
 *
 * @param greeting the sentence that opens both articles; optional
 */
record HelloSettings(String greeting) {

    static final String DEFAULT_GREETING = "Hello from a Kotae plugin!";

    HelloSettings {
        if (greeting == null) {
            greeting = DEFAULT_GREETING;
        } else if (greeting.isBlank()) {
            throw new IllegalArgumentException("greeting must not be blank");
        }
    }
}

package dev.kotae.alert;

import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Settings as the server would bind them, for the tests. */
final class Fixtures {

    static final String WEBHOOK = "https://hooks.example.com/services/T0/B0/secret";

    private Fixtures() {}

    /** The plugin's settings: the webhook, then the given keys and values. */
    static AlertSettings settings(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("webhookUrl", WEBHOOK);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return bind(map);
    }

    static AlertSettings bind(Map<String, Object> map) {
        return new FakePluginContext("alert-webhook", Path.of(".")).withSettings(map).settings(AlertSettings.class);
    }
}

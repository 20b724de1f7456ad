package dev.kotae.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the page templates ({@code server/src/main/jte}), which the build compiles to Java: a template
 * that does not type-check fails the build, and every {@code ${…}} is escaped for where it stands in
 * the HTML (text, attribute, URL).
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. {@code home.jte}) with the layout context and the page's own model. */
    String render(String name, PageContext page, String modelName, Object model) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        if (modelName != null) {
            params.put(modelName, model);
        }
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(name, params, out);
        return out.toString();
    }
}

package dev.kotae.contact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every field of a {@link ContactRequest} by its record name, the priority by its key and the time in ISO
 * 8601: the generic JSON webhook's body and the admin API's view of a request, so both say the same.
 */
public final class ContactFields {

    private ContactFields() {}

    public static Map<String, Object> of(ContactRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", request.id());
        fields.put("submittedAt", request.submittedAt().toString());
        fields.put("locale", request.locale());
        fields.put("categoryId", request.categoryId());
        fields.put("categoryLabel", request.categoryLabel());
        fields.put("priority", request.priority().key());
        fields.put("name", request.name());
        fields.put("email", request.email());
        fields.put("subject", request.subject());
        fields.put("description", request.description());
        fields.put("articlesShown", request.articlesShown());
        fields.put("articlesOpened", request.articlesOpened());
        return fields;
    }
}

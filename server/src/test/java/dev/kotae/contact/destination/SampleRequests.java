package dev.kotae.contact.destination;

import dev.kotae.contact.ContactRequest;
import dev.kotae.contact.Priority;
import java.time.Instant;
import java.util.List;

/** Contact requests as the contact page hands them over, for the destinations' tests. */
final class SampleRequests {

    static final Instant SUBMITTED = Instant.parse("2026-12-06T01:02:03Z");

    private SampleRequests() {
    }

    /** A Japanese customer's urgent payment problem, with articles suggested and one opened. */
    static ContactRequest japanese() {
        return new ContactRequest("req-20261206-0001", SUBMITTED, "ja", "billing", "お支払い", Priority.URGENT,
                "山田 太郎", "taro@customer.example", "カードで支払えません",
                "決済画面で「エラー E-301」と表示されます。\r\n別のカードでも同じでした。",
                List.of("ja/payment-methods", "ja/card-errors"), List.of("ja/card-errors"));
    }

    /** The same request with another subject, name, e-mail and priority. */
    static ContactRequest with(String subject, String name, String email, Priority priority) {
        ContactRequest r = japanese();
        return new ContactRequest(r.id(), r.submittedAt(), r.locale(), r.categoryId(), r.categoryLabel(), priority,
                name, email, subject, r.description(), r.articlesShown(), r.articlesOpened());
    }
}

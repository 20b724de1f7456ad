package dev.kotae.web;

/** {@link AnalyticsContract} on the default storage: the embedded H2 database under the data folder. */
class EmbeddedAnalyticsIT extends AnalyticsContract {

    @Override
    AnalyticsStorage storage() {
        return AnalyticsStorage.embedded();
    }
}

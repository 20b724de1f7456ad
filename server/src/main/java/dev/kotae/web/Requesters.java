package dev.kotae.web;

import dev.kotae.analytics.ClientAddresses;
import dev.kotae.analytics.Requester;
import dev.kotae.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;

/** Who a request came from, as analytics keeps it beside the events it records ({@link Requester}). */
final class Requesters {

    private Requesters() {}

    /**
     * The requester of {@code http} made by {@code caller}: its audience, the keyed hash of its address
     * (the client's, as {@link TrustedProxyHeaders} resolved it) and whether it looked automated.
     */
    static Requester of(ClientAddresses addresses, HttpServletRequest http, Caller caller) {
        return of(addresses, http.getRemoteAddr(), http::getHeader, caller);
    }

    /** The same, from the address and headers of a request not seen through the servlet API ({@link HotReads}). */
    static Requester of(ClientAddresses addresses, String address, Function<String, String> headers, Caller caller) {
        return addresses.requester(caller.role() != null, address, headers);
    }
}

package dev.kotae.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Makes an answer given before its request's body has arrived say {@code Connection: close}.
 *
 * <p>Many answers come before the body is read: a refused header, a wrong token, an unknown route, a
 * 415. Jetty discards what has arrived of the body once the answer is complete and, if the rest is still
 * on its way, closes the connection; but by then the answer has gone out as keep-alive. A client that
 * pools connections (browsers, Java's {@code HttpClient}) then sends its next request on a connection
 * the server is closing and, for a {@code POST}, gets an error instead of an answer, depending on how
 * the packets happened to arrive. Here the same discard runs just before the answer is committed, while
 * its headers can still change: if the body is not all there, the answer says it closes the connection.
 *
 * <p>Nothing is buffered: what has arrived is dropped, and no more is waited for. A request without a
 * body, or one that waits for {@code 100 Continue} (its client sends nothing until asked), passes
 * untouched.
 */
final class UnreadBodyCloses extends Handler.Wrapper {

    UnreadBodyCloses(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, hasBodyToCome(request) ? new ClosingUnlessRead(request, response) : response,
                callback);
    }

    private static boolean hasBodyToCome(Request request) {
        HttpFields headers = request.getHeaders();
        return (request.getLength() > 0 || headers.contains(HttpHeader.TRANSFER_ENCODING))
                && !headers.contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
    }

    private static final class ClosingUnlessRead extends Response.Wrapper {

        ClosingUnlessRead(Request request, Response response) {
            super(request, response);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted() && !getRequest().consumeAvailable()) {
                getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            super.write(last, content, callback);
        }
    }
}

/*!
 * Kotae widget runtime: what every Kotae widget shares, served once by the help center at
 * /widgets/runtime.js and loaded by the widgets' own scripts (deflect.js, bot.js), never by the page.
 *
 *   KotaeWidgets.widget({ pluginId, script, locale, messages }) -> a widget context:
 *     base, scriptUrl, session, locale, text, endpoint(), getJson(), sendEvent(), helpCenterUrl(), loadStyles(), warn()
 *   KotaeWidgets.el(), appendMarkedText(), uniqueId(), safeUrl(), primaryLanguage()
 *
 * One message source for both languages (MESSAGES below): a widget gets its own block plus the shared one,
 * in the customer's language, with English for any key a language lacks.
 *
 * Plain ES2018, no dependencies, no inline styles or scripts: works under a strict Content-Security-Policy
 * that allows this server in script-src, style-src and connect-src.
 */
(function () {
  'use strict';

  if (window.KotaeWidgets && window.KotaeWidgets.version) {
    return; // a second copy (two tags, or a cached one) must not replace the first one's state
  }

  var SESSION_KEY = 'kotae-session';
  var FETCH_TIMEOUT_MS = 10000; // a customer waiting on a stuck request is worse than an error message

  var MESSAGES = {
    ja: {
      common: {
        close: '閉じる',
        newTab: '（新しいタブで開きます）',
        loading: '読み込み中…'
      },
      'widget-contact-deflect': {
        region: 'お問い合わせの前にこちらをご確認ください',
        readMore: '記事全体を見る',
        solved: '解決しました',
        thanks: 'お役に立ててよかったです。',
        failed: '記事を読み込めませんでした。'
      },
      'widget-answer-bot': {
        bubble: 'よくある質問に自動でお答えします',
        title: 'ご質問をどうぞ',
        intro: 'ご質問を文章で入力してください。よくある質問からお答えします。',
        label: 'ご質問',
        placeholder: '例：パスワードを忘れました',
        send: '送信',
        you: 'あなた',
        bot: 'ボット',
        thinking: '考え中…',
        found: 'こちらの記事がお役に立つかもしれません。',
        readMore: '記事を読む',
        helpful: '役に立ちましたか？',
        yes: 'はい',
        no: 'いいえ',
        glad: 'よかったです。ほかにご質問があればどうぞ。',
        notFound: 'ぴったりの回答が見つかりませんでした。',
        sorry: '申し訳ありません。',
        alternatives: 'こちらの記事もご覧ください。',
        contact: 'お問い合わせフォームへ',
        contactText: '解決しない場合はお問い合わせください。',
        error: 'エラーが発生しました。しばらくしてからもう一度お試しください。'
      }
    },
    en: {
      common: {
        close: 'Close',
        newTab: '(opens in a new tab)',
        loading: 'Loading…'
      },
      'widget-contact-deflect': {
        region: 'Please check these articles before contacting us',
        readMore: 'Read the full article',
        solved: 'This solved my problem',
        thanks: 'Glad it helped!',
        failed: 'The article could not be loaded.'
      },
      'widget-answer-bot': {
        bubble: 'Ask a question: instant answers from our help center',
        title: 'Ask us anything',
        intro: 'Type your question as a sentence and we will look for the answer.',
        label: 'Your question',
        placeholder: 'e.g. I forgot my password',
        send: 'Send',
        you: 'You',
        bot: 'Bot',
        thinking: 'Thinking…',
        found: 'This article may help.',
        readMore: 'Read the article',
        helpful: 'Did this help?',
        yes: 'Yes',
        no: 'No',
        glad: 'Great! Ask another question any time.',
        notFound: 'We could not find an exact answer.',
        sorry: 'Sorry about that.',
        alternatives: 'These articles may help:',
        contact: 'Contact us',
        contactText: 'Still stuck? Get in touch.',
        error: 'Something went wrong. Please try again in a moment.'
      }
    }
  };

  /** The widgets that asked for a context, by plugin id, in order (read by the browser tests). */
  var widgets = [];

  /**
   * A widget's context. `script` is the widget's own <script> element (document.currentScript, read while
   * the widget's file first ran): the help center's address and the data-* attributes come from it.
   */
  function widget(options) {
    var pluginId = options.pluginId;
    var scriptUrl = new URL(options.script.src, document.baseURI);
    // Kotae may sit behind a path prefix (https://example.com/help/widgets/...): keep everything before it.
    var base = scriptUrl.origin + scriptUrl.pathname.slice(0, scriptUrl.pathname.lastIndexOf('/widgets/'));
    var locale = options.locale || primaryLanguage(document.documentElement.lang);
    var session = sessionId();
    widgets.push(pluginId);

    function endpoint(path, params) {
      var url = new URL(base + '/api/v1/widgets/' + pluginId + '/' + path);
      Object.keys(params || {}).forEach(function (name) {
        if (params[name]) {
          url.searchParams.set(name, params[name]);
        }
      });
      return url.href;
    }

    /**
     * GETs JSON from the help center with the session header. Rejects on an HTTP error, after
     * FETCH_TIMEOUT_MS (an Error named TimeoutError), or when `controller` aborts (an AbortError).
     */
    function getJson(url, controller) {
      var own = typeof AbortController === 'function' ? new AbortController() : null;
      var timedOut = false;
      var timer = setTimeout(function () {
        timedOut = true;
        if (own) {
          own.abort();
        }
      }, FETCH_TIMEOUT_MS);
      if (controller && own) {
        if (controller.signal.aborted) {
          own.abort();
        } else {
          controller.signal.addEventListener('abort', function () { own.abort(); });
        }
      }
      return fetch(url, {
        headers: { 'X-Kotae-Session': session },
        credentials: 'omit',
        signal: own ? own.signal : undefined
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      }).then(function (body) {
        clearTimeout(timer);
        return body;
      }, function (error) {
        clearTimeout(timer);
        if (timedOut) {
          var timeout = new Error('no answer within ' + FETCH_TIMEOUT_MS + ' ms');
          timeout.name = 'TimeoutError';
          throw timeout;
        }
        throw error;
      });
    }

    /**
     * Reports a deflection event. Failures are ignored: analytics must never get in the customer's way.
     * keepalive lets the event outlive a page that is unloading ("opened", "submitted"); where fetch or
     * keepalive is refused (older browsers throw for keepalive bodies over their quota), the event goes as
     * a beacon. A beacon cannot send application/json to another origin without a preflight it does not
     * do, so it goes as text/plain, which the events endpoint accepts as well; the session is in the body
     * for it, as a beacon cannot set headers.
     */
    function sendEvent(action, fields) {
      var body = JSON.stringify(Object.assign({ type: 'deflection', widget: pluginId, action: action,
        session: session }, fields));
      var url = base + '/api/v1/events';
      try {
        fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kotae-Session': session },
          body: body,
          credentials: 'omit',
          keepalive: true
        }).catch(function () {});
      } catch (e) {
        if (navigator.sendBeacon) {
          navigator.sendBeacon(url, new Blob([body], { type: 'text/plain;charset=UTF-8' }));
        }
      }
    }

    /** An absolute http(s) URL on the help center for a path or URL from the server; null for anything else. */
    function helpCenterUrl(value) {
      return safeUrl(value, base + '/');
    }

    /** Adds the widget's stylesheet (a file next to its script) once. */
    function loadStyles(file) {
      var href = new URL(file, scriptUrl).href;
      var links = document.querySelectorAll('link[rel=stylesheet]');
      for (var i = 0; i < links.length; i++) {
        if (links[i].href === href) {
          return;
        }
      }
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.appendChild(link);
    }

    function warn(message) {
      if (window.console) {
        console.warn('[kotae ' + pluginId + '] ' + message);
      }
    }

    return {
      pluginId: pluginId,
      base: base,
      scriptUrl: scriptUrl,
      session: session,
      locale: locale,
      text: messages(locale, pluginId, options.messages),
      endpoint: endpoint,
      getJson: getJson,
      sendEvent: sendEvent,
      helpCenterUrl: helpCenterUrl,
      loadStyles: loadStyles,
      warn: warn
    };
  }

  /**
   * The messages of one widget in the customer's language (ja for any ja-* locale, English otherwise):
   * the shared block, then the widget's own, then `extra` (a widget not bundled with Kotae brings its own
   * { ja: {...}, en: {...} }); English fills any key the language lacks.
   */
  function messages(locale, pluginId, extra) {
    var language = String(locale || '').toLowerCase().indexOf('ja') === 0 ? 'ja' : 'en';
    var layers = [MESSAGES.en.common, MESSAGES.en[pluginId], extra && extra.en];
    if (language !== 'en') {
      layers.push(MESSAGES[language].common, MESSAGES[language][pluginId], extra && extra[language]);
    }
    return Object.assign.apply(null, [{}].concat(layers.filter(Boolean)));
  }

  function el(tag, className, textContent) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (textContent !== undefined) {
      node.textContent = textContent;
    }
    return node;
  }

  /**
   * Appends a search snippet. The server sends escaped text with <mark>; parsing it inertly and keeping
   * only text and <mark> (with `markClass`) means a server bug can never become script on the page.
   */
  function appendMarkedText(target, html, markClass) {
    var doc = new DOMParser().parseFromString('<body>' + html, 'text/html');
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.nodeValue));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (node.tagName === 'MARK') {
            var mark = el('mark', markClass);
            copy(node, mark);
            to.appendChild(mark);
          } else {
            copy(node, to);
          }
        }
      });
    })(doc.body, target);
  }

  var idCounter = 0;

  /** An id unique on the page, for aria-controls and label links between the widgets' elements. */
  function uniqueId(prefix) {
    idCounter += 1;
    return prefix + '-' + idCounter;
  }

  function primaryLanguage(lang) {
    return (lang || 'en').split('-')[0].toLowerCase();
  }

  /** An absolute http(s) URL, or null for anything else (javascript:, data:, garbage). */
  function safeUrl(value, against) {
    try {
      var url = new URL(value, against);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** A random id per browser tab, shared by every Kotae widget on the site. */
  function sessionId() {
    try {
      var stored = sessionStorage.getItem(SESSION_KEY);
      if (stored && /^[A-Za-z0-9-]{8,64}$/.test(stored)) {
        return stored;
      }
      var fresh = randomId();
      sessionStorage.setItem(SESSION_KEY, fresh);
      return fresh;
    } catch (e) {
      return randomId(); // storage blocked (privacy settings): a session per page view then
    }
  }

  function randomId() {
    if (window.crypto && typeof crypto.randomUUID === 'function') {
      return crypto.randomUUID(); // only in secure contexts
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  window.KotaeWidgets = {
    version: 1,
    widgets: widgets,
    widget: widget,
    messages: messages,
    el: el,
    appendMarkedText: appendMarkedText,
    uniqueId: uniqueId,
    primaryLanguage: primaryLanguage,
    safeUrl: safeUrl
  };
})();

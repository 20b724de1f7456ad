/*
 * Kotae help center: progressive enhancements for the server-rendered pages.
 *
 *  1. As-you-type suggestions on the search box (#q): an ARIA 1.2 combobox with a listbox popup,
 *     IME-aware (no request while a Japanese conversion is composing).
 *  2. The article feedback forms (.feedback-form: vote, change, comment) sent as JSON without leaving the
 *     page; the section is then shown as the server renders it for this visitor.
 *  3. Search-result click tracking (a.result-link) with navigator.sendBeacon.
 *  4. Signing out forgets the editor's unsaved text this tab kept (editor.js), so the next person to sign
 *     in here is never offered it.
 *
 * Every page works without this file; each part does nothing when its elements are missing.
 * Plain ES2019, no dependencies, no inline styles, no innerHTML: safe under the site's strict CSP.
 */
(function () {
  'use strict';

  var SUGGEST_DEBOUNCE_MS = 150;
  var SUGGEST_SIZE = 8;
  var BLUR_CLOSE_MS = 150;
  var EVENTS_URL = '/api/v1/events';
  var VISITOR_COOKIE = 'kotae_visitor';
  var SESSION_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

  // ---- shared helpers ----------------------------------------------------------------------------------

  /** 'ja' or 'en': the language of the page's interface (<html lang>, else <meta name="kotae-ui-lang">). */
  function uiLang() {
    var lang = document.documentElement.getAttribute('lang') || metaContent('kotae-ui-lang') || 'ja';
    return lang.toLowerCase().indexOf('ja') === 0 ? 'ja' : 'en';
  }

  function metaContent(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  /**
   * The anonymous visitor id from the kotae_visitor cookie, or null when absent or malformed (the event
   * API rejects a malformed session outright, so it is better not to send one at all).
   */
  function visitorId() {
    var cookies = (document.cookie || '').split(';');
    for (var i = 0; i < cookies.length; i++) {
      var pair = cookies[i].trim();
      var eq = pair.indexOf('=');
      if (eq > 0 && pair.slice(0, eq) === VISITOR_COOKIE) {
        var value = pair.slice(eq + 1);
        try {
          value = decodeURIComponent(value);
        } catch (e) {
          return null;
        }
        return SESSION_PATTERN.test(value) ? value : null;
      }
    }
    return null;
  }

  /** A same-origin path for a server-supplied URL, or null (never navigate to another origin or scheme). */
  function sameOriginPath(raw) {
    if (typeof raw !== 'string' || raw === '') {
      return null;
    }
    try {
      var url = new URL(raw, window.location.href);
      if (url.origin !== window.location.origin) {
        return null;
      }
      return url.pathname + url.search + url.hash;
    } catch (e) {
      return null;
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  function internalBadge() {
    return el('span', 'badge badge--internal', uiLang() === 'ja' ? '社内限定' : 'Internal');
  }

  // ---- 1. suggestions combobox -------------------------------------------------------------------------

  function initSuggest() {
    var input = document.getElementById('q');
    if (!input || typeof window.fetch !== 'function') {
      return;
    }
    var listId = input.getAttribute('aria-controls') || 'q-suggestions';
    var list = document.getElementById(listId);
    var baseUrl = input.getAttribute('data-suggest-url');
    if (!list || !baseUrl) {
      return;
    }
    var combobox = input.closest('.combobox') || input.parentNode;
    var form = input.form;

    var status = document.getElementById('q-status');
    if (!status) {
      // Created empty up front: a live region must exist before its text changes to be announced.
      status = el('div', 'visually-hidden');
      status.id = 'q-status';
      status.setAttribute('role', 'status');
      status.setAttribute('aria-live', 'polite');
      combobox.parentNode.insertBefore(status, combobox.nextSibling);
    }

    var composing = false;
    var debounceTimer = 0;
    var blurTimer = 0;
    var pendingValue = null; // the value a scheduled (debounced) request is for
    var lastSentValue = null; // the value of the latest request sent
    var renderedValue = null; // the value whose suggestions the list holds
    var controller = null;
    var seq = 0;
    var options = [];
    var active = -1;

    function isOpen() {
      return !list.hidden;
    }

    function open() {
      if (options.length === 0) {
        return;
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].classList.remove('is-active');
        options[active].setAttribute('aria-selected', 'false');
      }
      active = index;
      if (active >= 0 && options[active]) {
        var option = options[active];
        option.classList.add('is-active');
        option.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', option.id);
        if (typeof option.scrollIntoView === 'function') {
          option.scrollIntoView({ block: 'nearest' });
        }
      } else {
        active = -1;
        input.removeAttribute('aria-activedescendant');
      }
    }

    function cancelPending() {
      if (debounceTimer) {
        clearTimeout(debounceTimer);
        debounceTimer = 0;
      }
      pendingValue = null;
    }

    function cancelInFlight() {
      seq++; // any response still on its way is now stale
      if (controller) {
        controller.abort();
        controller = null;
      }
    }

    /** Hides the list (its options stay, so ArrowDown can reopen them for the same text). */
    function hide() {
      setActive(-1);
      if (isOpen()) {
        list.hidden = true;
      }
      input.setAttribute('aria-expanded', 'false');
    }

    /** Closes the list for good: nothing pending, nothing in flight, nothing announced. */
    function close() {
      cancelPending();
      cancelInFlight();
      lastSentValue = null; // typing the same text again asks again
      hide();
      status.textContent = '';
    }

    function clearOptions() {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      options = [];
      active = -1;
      renderedValue = null;
      input.removeAttribute('aria-activedescendant');
    }

    function announce(count) {
      var text;
      if (uiLang() === 'ja') {
        text = count > 0 ? count + ' 件の候補' : '候補はありません';
      } else if (count > 0) {
        text = count === 1 ? '1 suggestion' : count + ' suggestions';
      } else {
        text = 'No suggestions';
      }
      status.textContent = text;
    }

    function render(data, value) {
      var wasOpen = isOpen();
      var items = data && Array.isArray(data.suggestions) ? data.suggestions : [];
      hide();
      clearOptions();
      var fragment = document.createDocumentFragment();
      for (var i = 0; i < items.length && options.length < SUGGEST_SIZE; i++) {
        var item = items[i] || {};
        var text = typeof item.text === 'string' && item.text ? item.text : item.title;
        var url = sameOriginPath(item.url)
          || (typeof item.id === 'string' && item.id ? '/articles/' + encodeURIComponent(item.id) : null);
        if (typeof text !== 'string' || !text || !url) {
          continue;
        }
        var option = el('li', 'suggestion');
        option.id = 'q-option-' + options.length;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-url', url);
        option.appendChild(el('span', 'suggestion__text', text));
        if (typeof item.title === 'string' && item.title && item.title !== text) {
          option.appendChild(el('span', 'suggestion__title', item.title));
        }
        if (item.visibility === 'internal') {
          option.appendChild(internalBadge());
        }
        fragment.appendChild(option);
        options.push(option);
      }
      list.appendChild(fragment);
      renderedValue = value;
      if (options.length > 0) {
        open();
        announce(options.length);
      } else if (wasOpen) {
        announce(0);
      } else {
        status.textContent = '';
      }
    }

    function request(value) {
      debounceTimer = 0;
      pendingValue = null;
      if (composing) {
        return; // compositionend schedules the committed text
      }
      cancelInFlight();
      var mine = seq;
      lastSentValue = value;
      var ctrl = typeof AbortController === 'function' ? new AbortController() : null;
      controller = ctrl;
      var url = baseUrl + (baseUrl.indexOf('?') >= 0 ? '&' : '?') + 'q=' + encodeURIComponent(value)
        + '&size=' + SUGGEST_SIZE;
      var init = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
      if (ctrl) {
        init.signal = ctrl.signal;
      }
      window.fetch(url, init)
        .then(function (response) {
          if (!response.ok) {
            throw new Error('suggest answered ' + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          if (mine !== seq) {
            return; // a newer request was sent, or the list was closed meanwhile
          }
          controller = null;
          render(data, value);
        })
        .catch(function (error) {
          if (mine !== seq || (error && error.name === 'AbortError')) {
            return;
          }
          controller = null;
          lastSentValue = null; // a failure is not worth de-duplicating: let the next keystroke retry
          hide();
          clearOptions();
        });
    }

    /** Debounces a request for the input's current text; empty text closes the list. */
    function schedule(delay) {
      var value = input.value.trim();
      if (value === '') {
        close();
        clearOptions();
        return;
      }
      if (debounceTimer && value === pendingValue) {
        return; // e.g. the input event that follows compositionend with the same committed text
      }
      cancelPending();
      if (value === lastSentValue) {
        return; // already asked for (in flight, or what the list shows)
      }
      pendingValue = value;
      debounceTimer = setTimeout(function () {
        request(value);
      }, delay);
    }

    function navigate(option) {
      var url = sameOriginPath(option && option.getAttribute('data-url'));
      if (url) {
        close();
        window.location.assign(url);
      }
    }

    input.addEventListener('compositionstart', function () {
      composing = true;
      cancelPending(); // the text is about to change: asking for the old one is wasted
    });

    input.addEventListener('compositionend', function () {
      composing = false;
      schedule(SUGGEST_DEBOUNCE_MS);
    });

    input.addEventListener('input', function (event) {
      if (composing || event.isComposing) {
        return; // no request, no re-render while the IME converts
      }
      schedule(SUGGEST_DEBOUNCE_MS);
    });

    input.addEventListener('keydown', function (event) {
      if (event.isComposing || event.keyCode === 229 || composing) {
        return; // keys meant for the IME, e.g. the Enter that confirms a conversion
      }
      if (event.ctrlKey || event.metaKey) {
        return;
      }
      switch (event.key) {
        case 'ArrowDown':
        case 'Down':
          if (!isOpen()) {
            if (event.altKey || options.length === 0 || renderedValue !== input.value.trim()) {
              if (input.value.trim() !== '') {
                event.preventDefault();
                lastSentValue = null;
                schedule(0);
              }
              return;
            }
            event.preventDefault();
            open();
            setActive(0);
            return;
          }
          event.preventDefault();
          setActive(active < 0 || active >= options.length - 1 ? 0 : active + 1);
          return;
        case 'ArrowUp':
        case 'Up':
          if (!isOpen() || options.length === 0) {
            return;
          }
          event.preventDefault();
          setActive(active <= 0 ? options.length - 1 : active - 1);
          return;
        case 'Enter':
          if (isOpen() && active >= 0 && options[active]) {
            event.preventDefault();
            navigate(options[active]);
          }
          return; // without an active option: the ordinary form submit
        case 'Escape':
        case 'Esc':
          if (isOpen()) {
            event.preventDefault(); // the first Escape closes the list, a second one clears the field
          }
          close();
          return;
        case 'Tab':
          close();
          return;
        default:
      }
    });

    list.addEventListener('mousedown', function (event) {
      event.preventDefault(); // keep focus (and the caret) in the input
    });

    list.addEventListener('click', function (event) {
      var option = event.target.closest ? event.target.closest('[role="option"]') : null;
      if (option && list.contains(option)) {
        event.preventDefault();
        navigate(option);
      }
    });

    input.addEventListener('blur', function () {
      clearTimeout(blurTimer);
      blurTimer = setTimeout(close, BLUR_CLOSE_MS);
    });

    input.addEventListener('focus', function () {
      clearTimeout(blurTimer);
    });

    document.addEventListener('click', function (event) {
      if (isOpen() && !combobox.contains(event.target)) {
        close();
      }
    });

    if (form) {
      form.addEventListener('submit', function () {
        close();
      });
    }

    // Back/forward cache: never come back to a page with a stale list open.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        close();
      }
    });
  }

  // ---- 2. article feedback -----------------------------------------------------------------------------

  function initFeedback() {
    var forms = document.querySelectorAll('form.feedback-form');
    for (var i = 0; i < forms.length; i++) {
      enhanceFeedback(forms[i]);
    }
  }

  /**
   * Sends one of the feedback section's forms (the vote buttons, the change button, the comment after the
   * vote) to the JSON feedback API, then shows the section as the server now renders it for this visitor:
   * the page is the one place that markup is written, so the script fetches it rather than build a copy.
   */
  function enhanceFeedback(form) {
    var api = form.getAttribute('data-api');
    if (!api || typeof window.fetch !== 'function' || typeof window.DOMParser !== 'function') {
      return;
    }
    var buttons = form.querySelectorAll('button');
    var lastButton = null;
    var sending = false;

    // For browsers without SubmitEvent.submitter: remember the button that was activated.
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (event) {
        lastButton = event.currentTarget;
      });
    }

    function section() {
      return form.closest('.feedback') || form.parentNode;
    }

    function setBusy(busy) {
      sending = busy;
      for (var j = 0; j < buttons.length; j++) {
        buttons[j].disabled = busy;
      }
      if (busy) {
        form.setAttribute('aria-busy', 'true');
      } else {
        form.removeAttribute('aria-busy');
      }
    }

    function showFailure(shown) {
      var failure = section().querySelector('.feedback-error');
      if (failure) {
        failure.hidden = !shown;
      }
    }

    var fallbackInput = null;

    // Back/forward cache: come back to a usable form, not one stuck mid-submit.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        if (fallbackInput && fallbackInput.parentNode) {
          fallbackInput.parentNode.removeChild(fallbackInput);
        }
        fallbackInput = null;
        setBusy(false);
      }
    });

    /** Posts the form the ordinary way (the server-rendered route), with the chosen button's value. */
    function submitNatively(helpful) {
      if (helpful !== undefined) {
        if (!fallbackInput) {
          fallbackInput = el('input');
          fallbackInput.type = 'hidden';
          fallbackInput.name = 'helpful';
          form.appendChild(fallbackInput);
        }
        fallbackInput.value = helpful ? 'true' : 'false';
      }
      // submit() fires no submit event and sends no submitter, hence the hidden field; the buttons stay
      // disabled until the next page.
      HTMLFormElement.prototype.submit.call(form);
    }

    form.addEventListener('submit', function (event) {
      var submitter = event.submitter || lastButton;
      lastButton = null;
      var payload = {};
      if (submitter && submitter.name === 'helpful') {
        if (submitter.value !== 'true' && submitter.value !== 'false') {
          return; // unknown value: let the browser post the form
        }
        payload.helpful = submitter.value === 'true';
      }
      var textarea = form.querySelector('textarea[name="comment"]');
      if (textarea && textarea.value.trim() !== '') {
        payload.comment = textarea.value;
      }
      if (payload.helpful === undefined && payload.comment === undefined) {
        return; // nothing to send: the browser's own validation speaks
      }
      event.preventDefault();
      if (sending) {
        return;
      }
      setBusy(true);
      showFailure(false);
      var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      var csrf = metaContent('kotae-csrf');
      if (csrf) {
        headers['X-Kotae-CSRF'] = csrf;
      }
      var visitor = visitorId();
      if (visitor) {
        headers['X-Kotae-Session'] = visitor;
      }
      window.fetch(api, {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: JSON.stringify(payload),
      })
        .then(function (response) {
          if (response.status === 200 || response.status === 201) {
            return showVote(section()).catch(function () {
              // The vote is stored; only showing it failed: the page itself shows it.
              window.location.reload();
            });
          }
          if (response.status === 401 || response.status === 404 || response.status === 409) {
            // The JSON API did not see what the page's own route sees (an agent's internal article, a
            // visitor id the API was not sent): fall back to the server-rendered form post rather than fail.
            submitNatively(payload.helpful);
            return undefined;
          }
          throw new Error('feedback answered ' + response.status);
        })
        .catch(function () {
          setBusy(false);
          showFailure(true);
        });
    });
  }

  /** Replaces the feedback section with the one the article page now renders, and moves focus to its status. */
  function showVote(current) {
    return window.fetch(window.location.pathname + window.location.search, {
      credentials: 'same-origin',
      // Not another view of the article: the same visitor, still on it (X-Kotae-Reread).
      headers: { Accept: 'text/html', 'X-Kotae-Reread': '1' },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('article page answered ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new window.DOMParser().parseFromString(html, 'text/html');
        var fresh = page.getElementById('feedback');
        if (!fresh) {
          throw new Error('no feedback section on the article page');
        }
        var adopted = document.importNode(fresh, true);
        current.parentNode.replaceChild(adopted, current);
        showRelated(adopted, page.querySelector('aside.related'));
        var forms = adopted.querySelectorAll('form.feedback-form');
        for (var i = 0; i < forms.length; i++) {
          enhanceFeedback(forms[i]);
        }
        var status = adopted.querySelector('.feedback-current');
        if (status) {
          status.focus();
        }
      });
  }

  /**
   * Replaces the related-articles list below the vote box with the page's own: after a "No" the box offers
   * the first related articles itself, and the list leaves them out (or is gone), each article listed once.
   */
  function showRelated(section, freshList) {
    var currentList = document.querySelector('aside.related');
    if (currentList && freshList) {
      currentList.parentNode.replaceChild(document.importNode(freshList, true), currentList);
    } else if (currentList) {
      currentList.parentNode.removeChild(currentList);
    } else if (freshList) {
      section.parentNode.insertBefore(document.importNode(freshList, true), section.nextSibling);
    }
  }

  // ---- 3. result click tracking ------------------------------------------------------------------------

  function initClickTracking() {
    if (!document.querySelector('a.result-link')) {
      return;
    }
    function track(event) {
      if (event.type === 'auxclick' && event.button !== 1) {
        return; // only the middle button opens a link
      }
      try {
        var link = event.target && event.target.closest ? event.target.closest('a.result-link') : null;
        if (!link) {
          return;
        }
        var rank = Number(link.getAttribute('data-rank'));
        var articleId = link.getAttribute('data-id');
        if (!articleId || !Number.isInteger(rank) || rank < 1) {
          return;
        }
        var list = link.closest('.result-list');
        var payload = { type: 'click', articleId: articleId, rank: rank };
        var query = list ? list.getAttribute('data-query') : null;
        if (query != null) {
          payload.query = query;
        }
        var visitor = visitorId();
        if (visitor) {
          payload.session = visitor;
        }
        var body = JSON.stringify(payload);
        var queued = false;
        if (navigator.sendBeacon) {
          try {
            queued = navigator.sendBeacon(EVENTS_URL, new Blob([body], { type: 'application/json' }));
          } catch (e) {
            queued = false;
          }
        }
        if (!queued && typeof window.fetch === 'function') {
          window.fetch(EVENTS_URL, {
            method: 'POST',
            credentials: 'same-origin',
            keepalive: true,
            headers: { 'Content-Type': 'application/json' },
            body: body,
          }).catch(function () {});
        }
      } catch (e) {
        // Tracking must never get in the way of following the link.
      }
    }
    document.addEventListener('click', track, true);
    document.addEventListener('auxclick', track, true);
  }

  // ---- facets ------------------------------------------------------------------------------------------

  /**
   * On a phone the facets come after the results: folded behind their "Filter" toggle unless a filter is in
   * use. On a wider screen (also after turning a tablet) they are always open beside the results.
   */
  function initFacets() {
    var panel = document.querySelector('details.facets-panel');
    if (!panel || !window.matchMedia) {
      return;
    }
    var phone = window.matchMedia('(max-width: 767.98px)');
    // The language is chosen for every search (the page's own); any other chosen value is a filter in use.
    if (phone.matches && !panel.querySelector('.facet:not(.facet--locale) [aria-current="true"]')) {
      panel.open = false;
    }
    var widened = function (e) {
      if (!e.matches) {
        panel.open = true;
      }
    };
    if (phone.addEventListener) {
      phone.addEventListener('change', widened);
    }
  }

  // ---- sign-out ----------------------------------------------------------------------------------------

  function initSignOut() {
    var signOut = document.querySelector('form.signout-form');
    if (!signOut) {
      return;
    }
    signOut.addEventListener('submit', function () {
      try {
        sessionStorage.removeItem('kotae-editor-unsaved'); // editor.js's KEPT_KEY
      } catch (e) {
        // storage blocked: nothing was kept
      }
    });
  }

  // ---- start -------------------------------------------------------------------------------------------

  function start() {
    var parts = [initSuggest, initFeedback, initClickTracking, initFacets, initSignOut];
    for (var i = 0; i < parts.length; i++) {
      try {
        parts[i]();
      } catch (e) {
        // One broken part must not take the others down; the page still works without them.
        if (window.console && console.error) {
          console.error('kotae.js:', e);
        }
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

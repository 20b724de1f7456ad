/*
 * Kotae editor: progressive enhancements for the article form (form.editor-form). The form works without
 * this file (every button is a plain form post); with it:
 *
 *  1. A small Markdown toolbar over the body (bold, heading, list, link, image upload), plus Ctrl/⌘+B.
 *  2. A preview pane, updated as the person types (after a pause) and by the preview button, without
 *     leaving the page: the form is posted to /editor/preview, which renders the article exactly as the
 *     help center's article page would.
 *  3. Image upload: the chosen file's bytes go to the media API (with the page's CSRF token) and the
 *     returned Markdown is inserted at the cursor.
 *  4. A URL name suggested from an ASCII title while the person has not typed one.
 *  5. The form's text kept in this tab (sessionStorage) until the server says it saved it: a post the
 *     server refused before reading it (the person signed out in another tab, the form's token expired)
 *     loses nothing; the next time this article's editor opens in the tab, restoring is offered.
 *
 * Japanese input: nothing here acts on a key, or updates anything, while an IME is composing
 * (event.isComposing, keyCode 229, or between compositionstart and compositionend), and a form submission
 * that an Enter during composition would cause is cancelled: the Enter belongs to the IME.
 *
 * Plain ES2019, no dependencies, no inline styles, no innerHTML of anything but the server's sanitised
 * article HTML (parsed with DOMParser, which runs no scripts): safe under the site's strict CSP.
 */
(function () {
  'use strict';

  var PREVIEW_PAUSE_MS = 700;
  var CSRF_HEADER = 'X-Kotae-CSRF';

  var form = document.querySelector('form.editor-form');
  if (!form) {
    return;
  }
  var body = form.querySelector('#f-body');
  var fields = form.querySelector('fieldset.editor-fields');
  var editable = !!body && !(fields && fields.disabled);

  // ---- IME: the Enter that commits a conversion must not submit the form ----------------------------------

  var composing = false;
  // An Enter that went to the IME: the form's implicit submission it may set off (a click on the default
  // button, then submit) is cancelled until that key is released.
  var imeEnter = false;
  form.addEventListener('compositionstart', function () {
    composing = true;
  });
  form.addEventListener('compositionend', function () {
    composing = false;
  });
  form.addEventListener('keydown', function (event) {
    if (imeKey(event)) {
      imeEnter = true; // no action: only remembered, so the submission below is not the IME's Enter
    } else if (event.key === 'Enter' && oneLineField(event.target)) {
      // The form has several actions: an Enter in a one-line field would press the first (Preview) and
      // leave the page. Saving, sending or publishing is always a button pressed on purpose.
      event.preventDefault();
    }
  }, true);

  function oneLineField(target) {
    return target.tagName === 'INPUT' && target.type !== 'file';
  }
  form.addEventListener('keyup', function () {
    imeEnter = false;
  }, true);
  // A pointer press is never the IME's Enter, even if that key's release went elsewhere.
  form.addEventListener('pointerdown', function () {
    imeEnter = false;
  }, true);

  /** Whether a submission now would come from an Enter that belongs to the IME. */
  function imeSubmission() {
    return composing || imeEnter;
  }

  form.addEventListener('submit', function (event) {
    if (imeSubmission()) {
      event.preventDefault();
    }
  });
  form.addEventListener('click', function (event) {
    if (imeSubmission() && event.target.closest('button[type="submit"]')) {
      event.preventDefault(); // the implicit submission's click on the default button
      event.stopImmediatePropagation();
    }
  }, true);

  /** Whether a key event belongs to an IME conversion (then nothing here may act on it). */
  function imeKey(event) {
    return composing || event.isComposing || event.keyCode === 229;
  }

  if (!editable) {
    return;
  }

  // ---- the Markdown toolbar --------------------------------------------------------------------------------

  var toolbar = form.querySelector('.md-toolbar');
  var imageInput = form.querySelector('.md-image-input');
  var uploadStatus = form.querySelector('.upload-status');

  /** Replaces the selection with before + (selection or placeholder) + after, selecting the middle. */
  function wrap(before, after, placeholder) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var selected = body.value.slice(start, end) || placeholder;
    body.setRangeText(before + selected + after, start, end, 'end');
    body.setSelectionRange(start + before.length, start + before.length + selected.length);
    changed();
  }

  /** Puts prefix at the start of each line the selection touches. */
  function prefixLines(prefix) {
    var value = body.value;
    var start = value.lastIndexOf('\n', body.selectionStart - 1) + 1;
    var end = body.selectionEnd;
    var lines = value.slice(start, end).split('\n');
    var text = lines.map(function (line) {
      return line.indexOf(prefix) === 0 ? line : prefix + line;
    }).join('\n');
    body.setRangeText(text, start, end, 'end');
    changed();
  }

  /** Inserts text at the cursor (replacing a selection), on a line of its own. */
  function insertBlock(text) {
    var start = body.selectionStart;
    var before = body.value.slice(0, start);
    var lead = before === '' || before.slice(-1) === '\n' ? '' : '\n';
    body.setRangeText(lead + text + '\n', start, body.selectionEnd, 'end');
    changed();
  }

  var tools = {
    bold: function (button) {
      wrap('**', '**', button.getAttribute('title') || 'bold');
    },
    heading: function () {
      prefixLines('## ');
    },
    list: function () {
      prefixLines('- ');
    },
    link: function () {
      var start = body.selectionStart;
      var text = body.value.slice(start, body.selectionEnd) || 'link';
      body.setRangeText('[' + text + '](https://)', start, body.selectionEnd, 'end');
      // The address is selected, ready to be typed over.
      var urlStart = start + text.length + 3;
      body.setSelectionRange(urlStart, urlStart + 'https://'.length);
      body.focus();
      changed();
    },
    image: function () {
      if (imageInput) {
        imageInput.click();
      }
    },
  };

  if (toolbar) {
    toolbar.hidden = false;
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-md]');
      if (!button || !tools[button.getAttribute('data-md')]) {
        return;
      }
      event.preventDefault();
      body.focus();
      tools[button.getAttribute('data-md')](button);
    });
  }

  body.addEventListener('keydown', function (event) {
    if (imeKey(event)) {
      return; // the key is the IME's
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'b' || event.key === 'B')) {
      event.preventDefault();
      tools.bold(toolbar ? toolbar.querySelector('[data-md="bold"]') : body);
    }
  });

  // ---- image upload ------------------------------------------------------------------------------------------

  function showUpload(text) {
    if (!uploadStatus) {
      return;
    }
    uploadStatus.textContent = text;
    uploadStatus.hidden = !text;
  }

  // Why an upload was refused: the rule in the page's language where the status names one, then the
  // server's own words ({error: {message}}), which name the file or the limit.
  function uploadRefusal(status, json) {
    var said = json && json.error && json.error.message ? json.error.message : 'HTTP ' + status;
    var rule = status === 413 ? 'data-too-large' : status === 415 ? 'data-not-image'
      : status === 401 || status === 403 ? 'data-signed-out' : null;
    var lead = rule && uploadStatus ? uploadStatus.getAttribute(rule) : '';
    return lead ? lead + ' (' + said + ')' : said;
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="kotae-csrf"]');
    return meta ? meta.getAttribute('content') || '' : '';
  }

  if (imageInput) {
    imageInput.addEventListener('change', function () {
      var file = imageInput.files && imageInput.files[0];
      if (!file) {
        return;
      }
      showUpload(uploadStatus ? uploadStatus.getAttribute('data-uploading') : '');
      var headers = { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json' };
      headers[CSRF_HEADER] = csrfToken();
      fetch(form.getAttribute('data-upload-url') + '?name=' + encodeURIComponent(file.name), {
        method: 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: file,
      }).then(function (response) {
        return response.json().catch(function () {
          return {};
        }).then(function (json) {
          if (!response.ok || typeof json.markdown !== 'string') {
            throw new Error(uploadRefusal(response.status, json));
          }
          return json;
        });
      }).then(function (json) {
        showUpload('');
        insertBlock(json.markdown);
      }).catch(function (error) {
        showUpload((uploadStatus ? uploadStatus.getAttribute('data-failed') : '') + ' ' + error.message);
      }).then(function () {
        imageInput.value = '';
      });
    });
  }

  // ---- the preview pane ----------------------------------------------------------------------------------------

  var previewSection = document.getElementById('preview');
  var previewPane = previewSection ? previewSection.querySelector('.preview-pane') : null;
  var previewTimer = null;
  var previewSent = 0;

  function refreshPreview() {
    if (!previewPane) {
      return;
    }
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') {
        data.append(name, value);
      }
    });
    var sent = ++previewSent;
    fetch(form.getAttribute('data-preview-url'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: data.toString(),
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      if (sent !== previewSent) {
        return; // a newer preview is on its way
      }
      // The server's sanitised article HTML, parsed inertly and moved in node by node.
      var parsed = new DOMParser().parseFromString(html, 'text/html');
      var nodes = Array.prototype.slice.call(parsed.body.childNodes);
      while (previewPane.firstChild) {
        previewPane.removeChild(previewPane.firstChild);
      }
      nodes.forEach(function (node) {
        previewPane.appendChild(document.adoptNode(node));
      });
      previewSection.hidden = false;
      previewSection.setAttribute('data-updated', String(sent));
    }).catch(function () {
      // The preview is a convenience: the form's own preview button still works without it.
    });
  }

  function changed() {
    if (previewSection && !previewSection.hidden) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(refreshPreview, PREVIEW_PAUSE_MS);
    }
  }

  form.addEventListener('input', function (event) {
    if (event.isComposing || composing) {
      return; // the text is not there yet
    }
    changed();
  });
  form.addEventListener('compositionend', changed);

  var previewButton = form.querySelector('button[name="action"][value="preview"]');
  if (previewButton && previewPane) {
    previewButton.addEventListener('click', function (event) {
      event.preventDefault();
      if (imeSubmission()) {
        return;
      }
      refreshPreview();
    });
  }

  // ---- unsaved edits kept in the tab ---------------------------------------------------------------------------

  var KEPT_KEY = 'kotae-editor-unsaved'; // kotae.js forgets it when someone signs out
  // What a restore puts back: what the person wrote, and the versions they started from (the published
  // one and the draft's revision), so that restoring onto an article or a draft someone changed meanwhile
  // ends in the usual conflict, never in overwriting it.
  var STARTED_FROM = ['baseVersion', 'startedFrom'];
  var KEPT_FIELDS = ['title', 'id', 'category', 'tags', 'questions', 'translationKey', 'publishAt', 'body',
    'message', 'type', 'visibility', 'locale'].concat(STARTED_FROM);
  var keepTimer = null;

  function formValues() {
    var values = { account: form.getAttribute('data-account') || '' };
    KEPT_FIELDS.concat(['new']).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && typeof field.value === 'string') {
        values[name] = field.value;
      }
    });
    return values;
  }

  /**
   * Whether kept edits are this person's, for the article this form edits: the same one, or both a new
   * article. Another account signing in on this tab is never offered them.
   */
  function sameArticle(kept, current) {
    return kept.account === current.account && kept.new === current.new
      && (current.new === 'true' || kept.id === current.id);
  }

  function keep() {
    clearTimeout(keepTimer);
    try {
      sessionStorage.setItem(KEPT_KEY, JSON.stringify(formValues()));
    } catch (e) {
      // Storage full or blocked: the form still works; only this safety net is missing.
    }
  }

  function kept() {
    try {
      return JSON.parse(sessionStorage.getItem(KEPT_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function forget() {
    try {
      sessionStorage.removeItem(KEPT_KEY);
    } catch (e) {
      // nothing kept, nothing to forget
    }
  }

  function offerRestore() {
    var done = document.querySelector('#editor-notice.notice--done');
    if (done) {
      forget(); // the server acknowledged the last submission: what the tab kept is saved
      return;
    }
    var edits = kept();
    var current = formValues();
    var banner = document.querySelector('.restore-notice');
    if (!edits || !banner || !sameArticle(edits, current)) {
      return;
    }
    var differs = KEPT_FIELDS.some(function (name) {
      return STARTED_FROM.indexOf(name) < 0 && name in edits && name in current && edits[name] !== current[name];
    });
    if (!differs) {
      return;
    }
    banner.hidden = false;
    banner.querySelector('.restore-apply').addEventListener('click', function () {
      KEPT_FIELDS.forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (field && name in edits && !field.readOnly) {
          field.value = edits[name];
        }
      });
      banner.hidden = true;
      changed();
      body.focus();
    });
    banner.querySelector('.restore-dismiss').addEventListener('click', function () {
      forget();
      banner.hidden = true;
      body.focus();
    });
  }

  offerRestore();
  form.addEventListener('input', function () {
    clearTimeout(keepTimer);
    keepTimer = setTimeout(keep, 400);
  });
  form.addEventListener('change', keep);
  form.addEventListener('submit', function (event) {
    if (event.submitter && event.submitter.value === 'discard') {
      forget(); // the person threw these edits away
    } else {
      keep();
    }
  });

  // ---- a URL name from an ASCII title --------------------------------------------------------------------------

  var idInput = form.querySelector('#f-id[data-suggest="title"]');
  var titleInput = form.querySelector('#f-title');
  if (idInput && titleInput) {
    var typedId = false;
    idInput.addEventListener('input', function () {
      typedId = idInput.value !== '';
    });
    var suggest = function () {
      if (typedId || composing) {
        return;
      }
      var title = titleInput.value.trim();
      idInput.value = /^[\x20-\x7E]+$/.test(title)
        ? title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '')
        : '';
    };
    titleInput.addEventListener('input', function (event) {
      if (!event.isComposing) {
        suggest();
      }
    });
    titleInput.addEventListener('compositionend', suggest);
  }
})();

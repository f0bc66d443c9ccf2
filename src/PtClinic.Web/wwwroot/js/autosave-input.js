// Text typed on a page that saves by itself ([data-autosave]) reaches the server a moment after the
// typing stops, and at least every couple of seconds while it goes on, rather than on every
// keystroke: each message carries the field's whole value, up to 20,000 characters of a note.
// The fields bind to "change" (not "input"), so a synthetic change is what sends the value; the
// browser's own change on leaving the field sends it too. A number is sent only once it reads as
// one, so "8." is not turned into "8" under the cursor.
(() => {
    const quietMs = 400;
    const longestWaitMs = 2000;
    const pending = new Map();

    const isText = (el) =>
        el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && (el.type === "text" || el.type === "search"));
    const isNumeric = (el) => el instanceof HTMLInputElement && (el.inputMode === "numeric" || el.inputMode === "decimal");

    function forget(el) {
        const timers = pending.get(el);
        if (timers) {
            clearTimeout(timers.quiet);
            clearTimeout(timers.longest);
            pending.delete(el);
        }
    }

    function send(el) {
        forget(el);
        if (!el.isConnected || (isNumeric(el) && el.value !== "" && !/^-?\d+([.,]\d+)?$/.test(el.value.trim()))) {
            return;
        }
        el.dispatchEvent(new Event("change", { bubbles: true }));
    }

    document.addEventListener("input", (event) => {
        const el = event.target;
        if (!isText(el) || !el.closest("[data-autosave]")) {
            return;
        }
        let timers = pending.get(el);
        if (!timers) {
            timers = { longest: setTimeout(() => send(el), longestWaitMs) };
            pending.set(el, timers);
        }
        clearTimeout(timers.quiet);
        timers.quiet = setTimeout(() => send(el), quietMs);
    });

    document.addEventListener("change", (event) => {
        if (event.isTrusted) {
            forget(event.target);
        }
    }, true);

    // Before an idle sign-out (session-timeout.js): what was typed goes now, not after the pause.
    window.ptclinicAutosave = {
        sendPending() {
            [...pending.keys()].forEach(send);
        },
    };
})();

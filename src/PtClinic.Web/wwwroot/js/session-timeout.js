// The idle timeout of a signed-in page (HIPAA automatic logoff). The person's activity in the
// page (keys, pointer, typing, scrolling) restarts the count; it is shared with the other tabs
// through localStorage, so working in one tab keeps the others open. The server learns of it
// through the circuit (ReportActivity), at most once per the interval it asks for: the page
// sends no HTTP requests while someone works in it. A minute before the end (half the time for
// a very short timeout) the page warns; at the end it sends what the autosave holds, lets the
// page save its drafts (BeforeSignOut), and posts the sign-out form.
(() => {
    const sharedKey = "ptclinic.last-activity";
    const activityEvents = ["pointerdown", "keydown", "input", "wheel", "touchstart"];
    let state = null;

    function lastActivity() {
        let shared = 0;
        try {
            shared = Number(localStorage.getItem(sharedKey)) || 0;
        } catch {
            // Storage can be switched off; this tab's own activity still counts.
        }
        return Math.max(state.last, shared);
    }

    function onActivity() {
        if (!state || state.ending) {
            return;
        }
        const now = Date.now();
        state.last = now;
        try {
            localStorage.setItem(sharedKey, String(now));
        } catch {
        }
        if (now - state.reported >= state.reportEveryMs) {
            state.reported = now;
            state.ref.invokeMethodAsync("ReportActivity");
        }
        tick();
    }

    function tick() {
        if (!state || state.ending) {
            return;
        }
        const left = state.idleMs - (Date.now() - lastActivity());
        if (left <= 0) {
            end();
        } else if (left <= state.warnMs) {
            state.warned = true;
            state.ref.invokeMethodAsync("Countdown", Math.ceil(left / 1000));
        } else if (state.warned) {
            state.warned = false;
            state.ref.invokeMethodAsync("Resume");
        }
    }

    async function end() {
        state.ending = true;
        clearInterval(state.timer);
        window.ptclinicAutosave?.sendPending();
        try {
            await state.ref.invokeMethodAsync("BeforeSignOut");
        } catch {
            // The circuit is gone: nothing more can be saved from here; sign out all the same.
        }
        document.getElementById("idle-sign-out")?.submit();
    }

    window.ptclinicSessionTimeout = {
        start(ref, idleMs, warnMs, reportEveryMs) {
            this.stop();
            const now = Date.now();
            state = { ref, idleMs, warnMs, reportEveryMs, last: now, reported: now, warned: false, ending: false };
            try {
                localStorage.setItem(sharedKey, String(now));
            } catch {
            }
            activityEvents.forEach((name) => document.addEventListener(name, onActivity, { capture: true, passive: true }));
            state.timer = setInterval(tick, 1000);
        },
        stop() {
            if (state) {
                clearInterval(state.timer);
                activityEvents.forEach((name) => document.removeEventListener(name, onActivity, { capture: true }));
                state = null;
            }
        },
    };
})();

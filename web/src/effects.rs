//! Every effect the app has on the browser, in one place: reading and watching the URL hash,
//! today's date and the clock, the document title, moving focus, local storage (and other
//! tabs' changes to it), downloads, the clipboard, files the user opens, printing, new
//! windows, the service worker that keeps the app offline, and the failure panel. Components reach
//! the browser only through these functions (the hooks in [`crate::hooks`] call them).
//!
//! Each function tolerates a missing window or element (it does nothing), so the app never
//! panics because of the page around it.

use gloo::events::EventListener;
use scopecraft::Date;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlAnchorElement, HtmlElement, HtmlInputElement, Storage};

use crate::route::Route;

fn document() -> Option<Document> {
    web_sys::window().and_then(|window| window.document())
}

/// The element the app is mounted on (`#app` in `index.html`).
pub fn mount_point() -> Option<Element> {
    document().and_then(|d| d.get_element_by_id("app"))
}

/// The route in the current URL.
pub fn current_route() -> Route {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| Route::from_hash(&hash))
        .unwrap_or_default()
}

/// Calls `on_change` with the new route whenever the URL hash changes (links, back and
/// forward). Dropping the listener stops it.
pub fn watch_route(on_change: impl Fn(Route) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        on_change(current_route());
    }))
}

/// Replaces the URL's hash without a new history entry and without a `hashchange` event.
pub fn replace_hash(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

/// The page's address without its hash (what a share link is appended to).
pub fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    match href.split_once('#') {
        Some((address, _)) => address.to_string(),
        None => href,
    }
}

/// Today in the browser's time zone.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).ok()?;
    let month = u8::try_from(now.get_month()).ok()?.checked_add(1)?;
    let day = u8::try_from(now.get_date()).ok()?;
    Date::new(year, month, day)
}

/// Sets the tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Moves keyboard focus to the element with `id`, if it exists and can take focus.
pub fn focus(id: &str) {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Makes a Rust panic replace the page with a friendly panel (after logging it to the
/// console), instead of leaving a frozen or blank page. Call before rendering.
pub fn show_failure_on_panic() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_failure(
            "Something went wrong",
            "The quoting tool stopped because of an internal error. Reload the page to start \
             again. If it keeps happening, please tell your account team.",
        );
    }));
}

/// Replaces the app with a panel explaining that it failed. Text only: nothing in `title`
/// or `message` is interpreted as markup.
pub fn show_failure(title: &str, message: &str) {
    let (Some(document), Some(root)) = (document(), mount_point()) else {
        return;
    };
    let build = || -> Option<Element> {
        let panel = document.create_element("main").ok()?;
        panel.set_class_name("failure");
        panel.set_attribute("role", "alert").ok()?;
        let heading = document.create_element("h1").ok()?;
        heading.set_text_content(Some(title));
        let text = document.create_element("p").ok()?;
        text.set_text_content(Some(message));
        panel.append_child(&heading).ok()?;
        panel.append_child(&text).ok()?;
        Some(panel)
    };
    if let Some(panel) = build() {
        root.set_text_content(None);
        let _ = root.append_child(&panel);
    } else {
        root.set_text_content(Some(message));
    }
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text stored under `key` in this browser's local storage, if any.
pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// The text stored under `key` as the browser holds it (a JavaScript string, not copied into
/// the app), for comparing with a copy read before: two are equal when the text is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredText(Option<js_sys::JsString>);

impl StoredText {
    /// `text`, as it would be stored.
    pub fn of(text: &str) -> StoredText {
        StoredText(Some(js_sys::JsString::from(text)))
    }

    /// The text, copied into the app (`None`: nothing stored).
    pub fn text(&self) -> Option<String> {
        self.0.as_ref().map(String::from)
    }
}

/// What is stored under `key` now, compared without copying it into the app.
pub fn stored_text(key: &str) -> StoredText {
    let Some(storage) = storage() else {
        return StoredText(None);
    };
    let item = js_sys::Reflect::get(&storage, &JsValue::from_str("getItem"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|get| get.call1(&storage, &JsValue::from_str(key)).ok());
    StoredText(item.and_then(|value| value.dyn_into::<js_sys::JsString>().ok()))
}

/// Stores `value` under `key`; false when the browser refused (private mode, quota).
pub fn store(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes `key` from local storage.
pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Calls `on_change` with the key another tab of this browser changed in local storage
/// (`None` when it cleared everything). This tab's own writes are not reported.
pub fn watch_storage(on_change: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            on_change(event.key());
        }
    }))
}

/// Calls `on_leave` when the page is hidden or left (`visibilitychange` to hidden, `pagehide`:
/// another tab, a reload, the window closed), the last moments it is sure to run in.
pub fn watch_leaving(on_leave: impl Fn() + 'static) -> Option<[EventListener; 2]> {
    let window = web_sys::window()?;
    let document = document()?;
    let on_leave = std::rc::Rc::new(on_leave);
    let hidden = {
        let on_leave = on_leave.clone();
        let page = document.clone();
        EventListener::new(&document, "visibilitychange", move |_| {
            if page.hidden() {
                on_leave();
            }
        })
    };
    let left = EventListener::new(&window, "pagehide", move |_| on_leave());
    Some([hidden, left])
}

/// Runs `task` once the browser has nothing more urgent to do: after the frame being prepared
/// is painted (an idle callback, within 200 ms at the latest; where the browser has none, a
/// timeout after the next animation frame, or after 200 ms in a tab that draws no frames).
pub fn when_idle(task: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        return task();
    };
    // Whichever of the callbacks below comes first runs the task; the others find it gone.
    let task = RefCell::new(Some(Box::new(task) as Box<dyn FnOnce()>));
    let run = Rc::new(move || {
        let task = task.borrow_mut().take();
        if let Some(task) = task {
            task();
        }
    });
    let has_idle =
        js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false);
    if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(200);
        let idle = Closure::once_into_js({
            let run = run.clone();
            move || run()
        });
        if window
            .request_idle_callback_with_options(idle.unchecked_ref(), &options)
            .is_ok()
        {
            return;
        }
    }
    let after_frame = Closure::once_into_js({
        let run = run.clone();
        move || {
            let after_paint = Closure::once_into_js(move || run());
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(after_paint.unchecked_ref());
            }
        }
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
    let fallback = Closure::once_into_js(move || run());
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 200);
}

/// The id of the build this page comes from (the `scopecraft-build` meta tag the post-build
/// hook writes), if any.
pub fn build_id() -> Option<String> {
    document()?
        .query_selector("meta[name=\"scopecraft-build\"]")
        .ok()
        .flatten()?
        .get_attribute("content")
        .filter(|id| !id.is_empty())
}

/// Registers the service worker `sw.js` next to the page, which keeps the build's files so
/// the app opens offline (its scope is the page's folder, so it works from a sub-path), and
/// asks it to look for a newer build now rather than whenever the browser next would: a new
/// build installs in the background and the next visit runs it. Does nothing where the
/// browser has no service workers (an insecure origin, a `file:` page).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        && window.is_secure_context();
    if !supported {
        return;
    }
    let promise = navigator.service_worker().register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A refused registration leaves the app as it was: online only; a failed check for a
        // newer build (offline) leaves the one it has.
        let registration = wasm_bindgen_futures::JsFuture::from(promise).await;
        if let Some(update) = registration
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
            .and_then(|r| r.update().ok())
        {
            let _ = wasm_bindgen_futures::JsFuture::from(update).await;
        }
    });
}

/// Offers `text` as a file download named `file_name`; false when the browser refused.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let build = || -> Option<()> {
        let document = document()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_hidden(true);
        let body = document.body()?;
        body.append_child(&anchor).ok()?;
        anchor.click();
        let _ = body.remove_child(&anchor);
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    build().is_some()
}

/// Copies `text` to the clipboard, then calls `done` with whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Reads the first file chosen in a file input as text, then calls `done` with its name and
/// text (or `None` when it could not be read). Clears the input so the same file can be
/// chosen again.
pub fn read_chosen_file(
    input: &HtmlInputElement,
    done: impl FnOnce(Option<(String, String)>) + 'static,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|value| value.as_string());
        done(text.map(|text| (name, text)));
    });
}

/// Asks the user to confirm `question` (the browser's own dialog); false when declined.
pub fn confirm(question: &str) -> bool {
    web_sys::window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false))
}

/// Opens the browser's print dialog for the page (the print stylesheet decides what shows).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Opens `url` in a new tab; false when the browser blocked it.
pub fn open_in_new_tab(url: &str) -> bool {
    web_sys::window()
        .and_then(|w| {
            w.open_with_url_and_target_and_features(url, "_blank", "noopener")
                .ok()
        })
        .is_some()
}

/// Opens `html` (a whole document the core wrote, such as the SOW draft) in a new tab from a
/// local blob: no request leaves the browser. False when the browser blocked the tab.
pub fn open_html_document(html: &str) -> bool {
    let open = || -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(html));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/html;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        web_sys::window()?
            .open_with_url_and_target(&url, "_blank")
            .ok()
            .flatten()
            .map(|_| ())
    };
    open().is_some()
}

/// Now as an RFC 3339 UTC timestamp (`2026-03-31T09:30:00Z`), the value the SOW request
/// records as its generation time. A page opened with `?clock=<timestamp>` in its URL uses
/// that value instead, so tests can compare the export with the CLI's byte for byte; it fixes
/// only this value and nothing else.
pub fn now_timestamp() -> String {
    if let Some(fixed) = fixed_clock() {
        return fixed;
    }
    let now = js_sys::Date::new_0();
    let iso = String::from(now.to_iso_string());
    // `2026-03-31T09:30:00.123Z` → seconds precision.
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}

fn fixed_clock() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let query = search.strip_prefix('?')?;
    query.split('&').find_map(|pair| {
        let value = pair.strip_prefix("clock=")?;
        js_sys::decode_uri_component(value)
            .ok()
            .and_then(|v| v.as_string())
    })
}

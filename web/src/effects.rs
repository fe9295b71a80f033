//! Every effect the app has on the browser, in one place: reading and watching the URL hash,
//! today's date, the document title, moving focus, and the failure panel. Components reach
//! the browser only through these functions (the hooks in [`crate::hooks`] call them).
//!
//! Each function tolerates a missing window or element (it does nothing), so the app never
//! panics because of the page around it.

use gloo::events::EventListener;
use scopecraft::Date;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

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

use yew::prelude::*;

/// How a notice reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    /// News: announced politely (`role="status"`).
    #[default]
    Info,
    /// Something to keep in mind (`role="status"`).
    Warning,
    /// Something failed (`role="alert"`).
    Failure,
}

/// What a notice shows.
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// Its element id.
    pub id: AttrValue,
    /// How it reads.
    #[prop_or_default]
    pub tone: Tone,
    /// Its text (paragraphs).
    pub children: Html,
    /// Buttons that act on it, before "Close".
    #[prop_or_default]
    pub actions: Html,
    /// "Close"; without it the notice cannot be closed.
    #[prop_or_default]
    pub on_dismiss: Option<Callback<MouseEvent>>,
}

/// A short message above or inside a page: text, optional buttons, and "Close". Failures are
/// alerts, everything else a status, so screen readers announce both.
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let (class, role) = match props.tone {
        Tone::Info => ("notice", "status"),
        Tone::Warning => ("notice notice-warning", "status"),
        Tone::Failure => ("notice notice-error", "alert"),
    };
    let has_buttons = props.actions != Html::default() || props.on_dismiss.is_some();
    html! {
        <div class={class} id={props.id.clone()} role={role}>
            { props.children.clone() }
            if has_buttons {
                <div class="button-row">
                    { props.actions.clone() }
                    if let Some(on_dismiss) = &props.on_dismiss {
                        <button type="button" class="link-button" onclick={on_dismiss.clone()}>
                            { "Close" }
                        </button>
                    }
                </div>
            }
        </div>
    }
}

//! The smallest useful Yew app: a counter. `cargo xtask bench` builds it with the same trunk
//! pipeline and cargo profile as Scopecraft and loads both in the same run, so the app's load
//! time is reported beside what Yew itself costs on this machine.

use yew::prelude::*;

#[function_component]
fn Counter() -> Html {
    let count = use_state(|| 0_u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(count.saturating_add(1)))
    };
    html! {
        <main>
            <h1>{ "Counter" }</h1>
            <button class="counter" {onclick}>{ format!("Clicked {} times", *count) }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}

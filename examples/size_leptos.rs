//! The smallest Leptos page (one counter button), for measuring what the framework alone adds
//! to the shipped WebAssembly. `scripts/size_floor.sh` builds it and prints its size.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! { <button on:click=move |_| count.update(|c| *c += 1)>{move || count.get()}</button> }
    });
}

/// Only meaningful as WebAssembly.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

//! Entry point: mounts the app in the browser and does nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    trial_explorer::ui::start();
}

/// On the host there is nothing to run: the app is a WebAssembly page built by Trunk.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: run `scripts/serve.sh` (see README.md).");
}

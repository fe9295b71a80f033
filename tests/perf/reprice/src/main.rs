//! Times `scopecraft::price` inside a wasm module in headless Chromium, with the browser's
//! `performance.now()`, on the same synthetic scopes the native benchmark uses. The result is
//! written as one JSON line into `#result` for `cargo xtask bench` to read.
//!
//! Chromium coarsens `performance.now()` (to 100 µs without cross-origin isolation), so each
//! sample times a batch of repricings and divides; the figure reported is the median sample.
#![allow(clippy::float_arithmetic)] // timing in milliseconds, not money

#[path = "../../../../crates/core/benches/synthetic.rs"]
mod synthetic;

use std::fmt::Write as _;

/// Batches per measurement, and roughly how long one batch should take.
const SAMPLES: usize = 15;
const BATCH_MS: f64 = 50.0;

fn main() {
    let text = match run() {
        Ok(json) => json,
        Err(message) => format!("{{\"error\":{message:?}}}"),
    };
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("result"))
    {
        element.set_text_content(Some(&text));
    }
}

fn run() -> Result<String, String> {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or("no window.performance")?;
    // Loading the embedded catalog is part of every page start: time it too.
    let mut loads = Vec::with_capacity(5);
    for _ in 0..5 {
        let started = performance.now();
        std::hint::black_box(scopecraft::Catalog::gitlab().map_err(|e| e.to_string())?);
        loads.push(performance.now() - started);
    }
    loads.sort_by(f64::total_cmp);
    let load_ms = loads.get(2).copied().unwrap_or(f64::NAN);
    let catalog = scopecraft::Catalog::gitlab().map_err(|e| e.to_string())?;
    let mut json = format!("{{\"catalog_load_ms\":{load_ms:.3},\"reprice\":[");
    for (index, lines) in [200_usize, 1_000, 10_000].into_iter().enumerate() {
        let scope = synthetic::synthetic_scope(lines);
        // Warm up and size the batch so one batch lasts about BATCH_MS.
        let started = performance.now();
        let quote = scopecraft::price(&catalog, &scope).map_err(|e| e.to_string())?;
        let once = (performance.now() - started).max(0.01);
        if quote.lines.len() < lines {
            return Err(format!(
                "expected at least {lines} lines, got {}",
                quote.lines.len()
            ));
        }
        let batch = ((BATCH_MS / once).ceil() as usize).clamp(1, 10_000);
        let mut samples = Vec::with_capacity(SAMPLES);
        for _ in 0..SAMPLES {
            let started = performance.now();
            for _ in 0..batch {
                std::hint::black_box(scopecraft::price(&catalog, std::hint::black_box(&scope)))
                    .map_err(|e| e.to_string())?;
            }
            samples.push((performance.now() - started) / batch as f64);
        }
        samples.sort_by(f64::total_cmp);
        let median = samples.get(SAMPLES / 2).copied().unwrap_or(f64::NAN);
        let best = samples.first().copied().unwrap_or(f64::NAN);
        if index > 0 {
            json.push(',');
        }
        let _ = write!(
            json,
            "{{\"lines\":{lines},\"batch\":{batch},\"samples\":{SAMPLES},\"median_ms\":{median:.4},\"best_ms\":{best:.4}}}"
        );
    }
    json.push_str("]}");
    Ok(json)
}

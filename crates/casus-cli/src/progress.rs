//! A progress bar on standard error, shown only when it is a terminal, so
//! that pipes and files get records and nothing else.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A bar sized by the input files (text bytes are counted as documents are
/// read), or a spinner for standard input. `None` when stderr is not a
/// terminal.
pub fn for_inputs(inputs: &[String]) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let total: Option<u64> = inputs
        .iter()
        .map(|i| {
            if i == "-" {
                None
            } else {
                std::fs::metadata(i).ok().map(|m| m.len())
            }
        })
        .sum();
    let bar = match total {
        Some(t) => ProgressBar::new(t).with_style(
            ProgressStyle::with_template(
                "{spinner} coding [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} coding {bytes} {bytes_per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    Some(bar)
}

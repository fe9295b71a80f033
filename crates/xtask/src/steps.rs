//! Running commands with their output kept in a log file, so the console shows one line per
//! step and, on failure, only the end of the log that explains it.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Runs `command`, writing stdout and stderr (interleaved) to `log`; with `echo`, also to
/// the console. Fails with the exit status.
pub(crate) fn run_logged(command: &mut Command, log: &Path, echo: bool) -> Result<(), String> {
    let file = File::create(log).map_err(|e| format!("cannot write {}: {e}", log.display()))?;
    let file = Arc::new(Mutex::new(file));
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", program_name(command)))?;
    let pumps: Vec<_> = [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .map(|stream| {
        let file = Arc::clone(&file);
        std::thread::spawn(move || {
            let reader = BufReader::new(stream);
            for line in reader.split(b'\n').map_while(Result::ok) {
                if let Ok(mut f) = file.lock() {
                    let _ = f.write_all(&line);
                    let _ = f.write_all(b"\n");
                }
                if echo {
                    println!("{}", String::from_utf8_lossy(&line));
                }
            }
        })
    })
    .collect();
    let status = child
        .wait()
        .map_err(|e| format!("`{}` did not finish: {e}", program_name(command)))?;
    for pump in pumps {
        let _ = pump.join();
    }
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` exited with {status}", program_name(command)))
    }
}

fn program_name(command: &Command) -> String {
    let mut name = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args().take(2) {
        name.push(' ');
        name.push_str(&arg.to_string_lossy());
    }
    name
}

/// The last `lines` lines of a log file.
pub(crate) fn tail(log: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    let start = all.len().saturating_sub(lines);
    all.get(start..).unwrap_or_default().join("\n")
}

pub(crate) fn format_duration(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs >= 60 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else {
        format!("{}.{}s", secs, duration.subsec_millis() / 100)
    }
}

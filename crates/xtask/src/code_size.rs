//! `cargo xtask code-size`: lines of code per Rust source file, and the architecture rule that
//! no file of the shipped code holds more than [`MAX_CODE_LINES`] of them.
//!
//! A line of code is a line that is neither blank nor only a comment. Test code does not count:
//! files named `tests.rs` or under a `tests/` folder, and `#[cfg(test)]` modules inside a file
//! (from the attribute to the brace that closes the module). The count is a plain text scan,
//! good enough for a size rule: block comments (`/* */`) are counted as code.

use std::path::{Path, PathBuf};

/// The most lines of code one non-test source file may have.
pub(crate) const MAX_CODE_LINES: usize = 800;

/// Folders whose Rust files are shipped code, relative to the repository root.
const SOURCE_ROOTS: &[&str] = &["crates", "web/src"];

pub(crate) struct FileSize {
    pub(crate) path: PathBuf,
    pub(crate) code_lines: usize,
}

/// Every non-test Rust source file under the source roots, largest first.
pub(crate) fn measure(root: &Path) -> Result<Vec<FileSize>, String> {
    let mut files = Vec::new();
    for source_root in SOURCE_ROOTS {
        collect(&root.join(source_root), &mut files)?;
    }
    let mut sizes = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        sizes.push(FileSize {
            path: relative,
            code_lines: code_lines(&text),
        });
    }
    sizes.sort_by(|a, b| b.code_lines.cmp(&a.code_lines).then(a.path.cmp(&b.path)));
    Ok(sizes)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            // Test folders, build output and the fuzz workspace are not shipped code.
            if !matches!(name.as_ref(), "tests" | "target" | "benches" | "examples") {
                collect(&path, files)?;
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            files.push(path);
        }
    }
    Ok(())
}

/// Lines that are neither blank nor only a comment, outside `#[cfg(test)]` modules.
pub(crate) fn code_lines(text: &str) -> usize {
    let mut count = 0;
    // Inside a test module: the brace depth at which it closes.
    let mut test_module: Option<i64> = None;
    let mut test_attribute_seen = false;
    let mut depth: i64 = 0;
    for line in text.lines() {
        let trimmed = line.trim();
        let code = trimmed.split("//").next().unwrap_or("").trim();
        let opened = code.matches('{').count() as i64;
        let closed = code.matches('}').count() as i64;
        if test_module.is_none() && trimmed.starts_with("#[cfg(test)]") {
            test_attribute_seen = true;
        }
        let in_test = test_module.is_some() || test_attribute_seen;
        if test_attribute_seen && test_module.is_none() && code.starts_with("mod ") {
            if code.ends_with(';') {
                // `#[cfg(test)] mod tests;` — the module lives in its own (test) file.
                test_attribute_seen = false;
            } else {
                test_module = Some(depth);
                test_attribute_seen = false;
            }
        } else if test_attribute_seen
            && !trimmed.starts_with("#[")
            && !trimmed.is_empty()
            && !code.starts_with("mod ")
        {
            // `#[cfg(test)]` on something other than a module (a function, an import).
            test_attribute_seen = false;
        }
        depth += opened - closed;
        if let Some(close_at) = test_module
            && depth <= close_at
            && closed > 0
        {
            test_module = None;
            continue;
        }
        if !in_test && !code.is_empty() {
            count += 1;
        }
    }
    count
}

/// Prints the largest files and fails when one is over the limit.
pub(crate) fn run(root: &Path) -> Result<(), String> {
    let sizes = measure(root)?;
    println!("Lines of code per source file (blank, comment and test lines not counted):");
    for size in sizes.iter().take(15) {
        println!("{:>6}  {}", size.code_lines, size.path.display());
    }
    let over: Vec<String> = sizes
        .iter()
        .filter(|s| s.code_lines > MAX_CODE_LINES)
        .map(|s| format!("{} ({} lines of code)", s.path.display(), s.code_lines))
        .collect();
    if over.is_empty() {
        println!("ok: no file over {MAX_CODE_LINES} lines of code");
        Ok(())
    } else {
        Err(format!(
            "{} file(s) over {MAX_CODE_LINES} lines of code; split them by concept:\n  {}",
            over.len(),
            over.join("\n  ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_test_modules_do_not_count() {
        let text = "\
//! Module docs.

/// A function.
fn a() {
    let x = 1; // trailing comment
}

#[cfg(test)]
mod tests {
    #[test]
    fn t() {
        assert!(true);
    }
}

fn b() {}
";
        // fn a() {, let x, }, fn b() {}
        assert_eq!(code_lines(text), 4);
    }

    #[test]
    fn a_test_module_in_its_own_file_does_not_hide_what_follows() {
        let text = "#[cfg(test)]\nmod tests;\n\nfn after() {}\n";
        assert_eq!(code_lines(text), 1);
    }

    #[test]
    fn a_cfg_test_item_that_is_not_a_module_is_not_counted_and_ends_there() {
        let text = "#[cfg(test)]\nuse std::fmt;\nfn kept() {}\n";
        assert_eq!(code_lines(text), 1);
    }

    #[test]
    fn no_shipped_source_file_is_over_the_limit() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let sizes = measure(&root).unwrap_or_default();
        assert!(sizes.len() > 20, "the source roots were not found");
        let over: Vec<String> = sizes
            .iter()
            .filter(|s| s.code_lines > MAX_CODE_LINES)
            .map(|s| format!("{} ({})", s.path.display(), s.code_lines))
            .collect();
        assert!(
            over.is_empty(),
            "files over {MAX_CODE_LINES} lines of code: {over:?}"
        );
    }
}

//! The core's modules import one another one way: no module imports a sibling that imports
//! it back, directly or through others (a module and its own submodules aside).
//!
//! The test reads every file under `src/`, leaves out test code (`tests.rs` files and
//! `#[cfg(test)]` items), and collects the paths each file names into the crate:
//! `use crate::…` and `use super::…` trees (with `{a, b::{c, d}}` groups), `crate::x::…`
//! and `super::x::…` in code (`super` seen from inline modules too), paths that attributes
//! give as strings (`default = "crate::x::f"`), and `pub use` re-exports, which are
//! followed to the module that defines the name (so `crate::Scope` counts as a use of
//! `scope`, and `crate::sow::GitLabProject` as a use of `gitlab_project`).
//! A use of `a::b::c` from `a::d::e` makes `a::d` depend on `a::b`: cycles are looked for
//! among the children of each module, and every one found is printed with the lines that
//! make it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Every cycle between core modules, printed; fails on any.
#[test]
fn core_modules_import_one_way() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_sources(&src);
    assert!(
        files.len() > 20,
        "found only {} source files under {}",
        files.len(),
        src.display()
    );
    let graph = Graph::build(&files);
    let cycles = graph.cycles();

    let mut report = String::new();
    for cycle in &cycles {
        let members: Vec<String> = cycle.members.iter().map(|m| show(m)).collect();
        let _ = writeln!(report, "cycle among {}:", members.join(", "));
        let mut explained = BTreeSet::new();
        for walk in &cycle.loops {
            let names: Vec<String> = walk.iter().map(|m| show(m)).collect();
            let _ = writeln!(report, "  {}", names.join(" -> "));
            for (from, to) in walk.iter().zip(walk.iter().skip(1)) {
                if !explained.insert((from.clone(), to.clone())) {
                    continue;
                }
                for why in graph.evidence(from, to).iter().take(3) {
                    let _ = writeln!(report, "      {} -> {}: {why}", show(from), show(to));
                }
            }
        }
    }
    println!(
        "{} files, {} module dependencies, {} cycle(s)\n{report}",
        files.len(),
        graph.edge_count(),
        cycles.len()
    );
    assert!(
        cycles.is_empty(),
        "{} import cycle(s) between core modules:\n{report}",
        cycles.len()
    );
}

/// The reader on a small crate: each file below names other modules in ways that must count
/// (groups, `self` in a group, re-exports under another name, attribute strings, `super`)
/// and ways that must not (comments, strings, character literals holding braces, test code,
/// `super` inside an inline module); a wrong reading shows as an extra edge or a cycle.
#[test]
fn the_import_reader_understands_groups_re_exports_and_test_code() {
    let file = |module: &[&str], text: &str| SourceFile {
        module: module.iter().map(|s| s.to_string()).collect(),
        name: format!("{}.rs", module.join("/")),
        tokens: tokens(&code_only(text)),
    };
    let files = vec![
        file(
            &[],
            "mod a; mod b; mod c; mod d; pub use d::Thing as Renamed;",
        ),
        file(
            &["a"],
            "use crate::{b::{self, X}, c as _};\nfn f() { let _ = crate::Renamed::new(); }",
        ),
        file(
            &["b"],
            r#"use super::c::Y; /* crate::a::X */
            struct S { #[serde(default = "crate::d::nothing")] n: u8 }
            #[cfg(test)]
            mod tests { use crate::a::Z; fn g() -> char { '}' } }
            fn after_the_tests() {}"#,
        ),
        file(
            &["c"],
            "#[cfg(test)]\nuse crate::a::X;\nfn h<'a>(x: &'a str) -> char { '{' }",
        ),
        file(
            &["d"],
            r##"//! Mentions crate::a::X in a comment.
            pub struct Thing;
            mod inner { use super::c::Y; }
            const TEXT: &str = "crate::a::Y in a \"string\"";
            const RAW: &str = r#"crate::b::Z"#;"##,
        ),
    ];
    let graph = Graph::build(&files);
    let edges: BTreeSet<(String, String)> = graph
        .edges
        .keys()
        .map(|(from, to)| (show(from), show(to)))
        .collect();
    let expected: BTreeSet<(String, String)> =
        [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d")]
            .iter()
            .map(|(f, t)| (f.to_string(), t.to_string()))
            .collect();
    assert_eq!(edges, expected);
    assert!(graph.cycles().is_empty());
}

/// One source file: its module path from the crate root (`["sow", "gitlab"]`; the root is
/// empty), its name for messages, and its code as tokens.
struct SourceFile {
    module: Vec<String>,
    name: String,
    tokens: Vec<Token>,
}

fn read_sources(src: &Path) -> Vec<SourceFile> {
    let mut paths = Vec::new();
    collect_rs(src, &mut paths);
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let relative = path.strip_prefix(src).unwrap();
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if parts
            .iter()
            .any(|p| p == "tests" || p == "tests.rs" || p == "bin")
        {
            continue;
        }
        let mut module: Vec<String> = parts
            .iter()
            .map(|p| p.strip_suffix(".rs").unwrap_or(p).to_string())
            .collect();
        if module.last().is_some_and(|m| m == "mod" || m == "lib") {
            module.pop();
        }
        let text = std::fs::read_to_string(&path).unwrap();
        files.push(SourceFile {
            module,
            name: format!("src/{}", parts.join("/")),
            tokens: tokens(&code_only(&text)),
        });
    }
    files
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text with comments, string literals and character literals blanked out (newlines
/// kept), so that only code is left to read.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = at(i);
        let before = if i == 0 { ' ' } else { at(i - 1) };
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && at(i) != '\n' {
                blank(&mut out, at(i));
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, at(i));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (at(i + 1) == '"' || (at(i + 1) == '#' && matches!(at(i + 2), '"' | '#')))
            && (!is_ident(before) || (before == 'b' && !is_ident(at(i.wrapping_sub(2)))))
        {
            // A raw string: r"…", r#"…"#, br"…".
            let mut hashes = 0;
            let mut j = i + 1;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            out.push(' ');
            for _ in 0..=hashes {
                out.push(' ');
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if at(j) == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                    for _ in 0..=hashes {
                        out.push(' ');
                    }
                    j += hashes + 1;
                    break;
                }
                blank(&mut out, at(j));
                j += 1;
            }
            i = j;
        } else if c == '"' {
            // A string is blanked, unless it is a path into the crate, as attributes name
            // functions: `#[serde(default = "crate::x::f")]`.
            let mut content = String::new();
            let mut j = i + 1;
            while j < chars.len() && at(j) != '"' {
                if at(j) == '\\' {
                    content.push(at(j));
                    j += 1;
                }
                content.push(at(j));
                j += 1;
            }
            out.push(' ');
            if is_crate_path(&content) {
                out.push_str(&content);
            } else {
                content.chars().for_each(|c| blank(&mut out, c));
            }
            out.push(' ');
            i = j + 1;
        } else if c == '\'' && at(i + 1) == '\\' {
            // An escaped character literal: '\n', '\'', '\u{7f}'.
            out.push_str("   ");
            i += 3;
            while i < chars.len() && at(i) != '\'' {
                blank(&mut out, at(i));
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && at(i + 2) == '\'' {
            out.push_str("   ");
            i += 3;
        } else {
            // Code, including lifetimes ('a).
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether a string literal's text is a path into the crate (`crate::x::f`, `super::f`).
fn is_crate_path(text: &str) -> bool {
    let mut parts = text.split("::");
    matches!(parts.next(), Some("crate" | "super" | "self"))
        && text.contains("::")
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

/// A word (identifier or keyword) or one punctuation mark (`::` is one), with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    line: usize,
}

fn tokens(code: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        } else if c.is_whitespace() {
        } else if c.is_alphanumeric() || c == '_' {
            let mut word = c.to_string();
            while let Some(&n) = chars.peek() {
                if n.is_alphanumeric() || n == '_' {
                    word.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            // A raw identifier, r#match, is the identifier.
            if word == "r" && chars.peek() == Some(&'#') {
                chars.next();
                word.clear();
                while let Some(&n) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' {
                        word.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            out.push(Token { text: word, line });
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            out.push(Token {
                text: "::".to_string(),
                line,
            });
        } else {
            out.push(Token {
                text: c.to_string(),
                line,
            });
        }
    }
    without_test_code(out)
}

/// The tokens without `#[cfg(test)]` items (the attribute, further attributes, and the item
/// up to its `;` or the end of its `{ … }` block); a file that starts with `#![cfg(test)]`
/// is test code as a whole.
fn without_test_code(tokens: Vec<Token>) -> Vec<Token> {
    let text: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let is_cfg_test = |i: usize, inner: bool| {
        let want: &[&str] = if inner {
            &["#", "!", "[", "cfg", "(", "test", ")", "]"]
        } else {
            &["#", "[", "cfg", "(", "test", ")", "]"]
        };
        text.get(i..i + want.len()) == Some(want)
    };
    if (0..text.len()).any(|i| is_cfg_test(i, true)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_cfg_test(i, false) {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        i += 7;
        // Further attributes on the same item.
        while text.get(i) == Some(&"#") && text.get(i + 1) == Some(&"[") {
            i = after_group(&text, i + 1);
        }
        // The item: up to `;` outside brackets, or through its first `{ … }` block.
        let mut depth = 0usize;
        while i < text.len() {
            match text[i] {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                ";" if depth == 0 => {
                    i += 1;
                    break;
                }
                "{" if depth == 0 => {
                    i = after_group(&text, i);
                    if text.get(i) == Some(&";") {
                        i += 1;
                    }
                    break;
                }
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// The index just after the bracket group that opens at `open`.
fn after_group(text: &[&str], open: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < text.len() {
        match text[i] {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// One path a file names, from the crate root, with where it is named.
#[derive(Debug, Clone)]
struct Named {
    /// The module that names it: the file's, or an inline module's inside the file.
    from: Vec<String>,
    path: Vec<String>,
    line: usize,
    /// The name a `pub use` gives it in the file's module (`None`: not re-exported).
    exported_as: Option<String>,
}

/// Every path into the crate that `file` names: `use` trees (relative ones only when they
/// start with a child module, `crate`, `super` or `self`) and `crate::`/`super::` paths in
/// code.
fn named_paths(file: &SourceFile, modules: &BTreeSet<Vec<String>>) -> Vec<Named> {
    let tokens = &file.tokens;
    let text: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    let mut out = Vec::new();
    // Inline modules (`mod name { … }`) open around the current token, with the brace depth
    // each opened at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < text.len() {
        let mut module = file.module.clone();
        module.extend(inline.iter().map(|(name, _)| name.clone()));
        match text[i] {
            "mod"
                if text.get(i + 2) == Some(&"{") && text.get(i + 1).is_some_and(|t| is_word(t)) =>
            {
                inline.push((text[i + 1].to_string(), depth));
            }
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, at)| *at == depth) {
                    inline.pop();
                }
            }
            _ => {}
        }
        if text[i] == "use" {
            let exported = is_pub_before(&text, i);
            let mut leaves = Vec::new();
            let mut j = i + 1;
            if text.get(j) == Some(&"::") {
                j += 1;
            }
            use_tree(&text, &mut j, Vec::new(), &mut leaves);
            for (raw, alias) in leaves {
                let line = tokens.get(i).map_or(0, |t| t.line);
                let Some(path) = from_root(&module, &raw, modules) else {
                    continue;
                };
                let exported_as = if exported {
                    alias.or_else(|| raw.last().cloned())
                } else {
                    None
                };
                out.push(Named {
                    from: module.clone(),
                    path,
                    line,
                    exported_as,
                });
            }
            i = j;
            continue;
        }
        let starts_path = matches!(text[i], "crate" | "super")
            && text.get(i + 1) == Some(&"::")
            && !matches!(
                i.checked_sub(1).and_then(|p| text.get(p)),
                Some(&"::" | &"in")
            );
        if starts_path {
            let mut raw = vec![text[i].to_string()];
            let mut j = i + 1;
            while text.get(j) == Some(&"::") && text.get(j + 1).is_some_and(|t| is_word(t)) {
                raw.push(text[j + 1].to_string());
                j += 2;
            }
            if let Some(path) = from_root(&module, &raw, modules) {
                out.push(Named {
                    from: module.clone(),
                    path,
                    line: tokens[i].line,
                    exported_as: None,
                });
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

fn is_word(text: &str) -> bool {
    text.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// Whether the `use` at `at` is preceded by `pub`, `pub(crate)`, `pub(super)` or
/// `pub(in …)`.
fn is_pub_before(text: &[&str], at: usize) -> bool {
    let mut i = at;
    if i >= 1 && text[i - 1] == ")" {
        while i > 0 && text[i - 1] != "(" {
            i -= 1;
        }
        i = i.saturating_sub(1);
    }
    i >= 1 && text[i - 1] == "pub"
}

/// Reads one use tree starting at `at`, appending each leaf path (with its `as` name).
fn use_tree(
    text: &[&str],
    at: &mut usize,
    prefix: Vec<String>,
    leaves: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let mut path = prefix;
    loop {
        match text.get(*at).copied() {
            Some("{") => {
                *at += 1;
                loop {
                    match text.get(*at).copied() {
                        None => return,
                        Some("}") => {
                            *at += 1;
                            return;
                        }
                        Some(",") => *at += 1,
                        Some(_) => {
                            let before = *at;
                            use_tree(text, at, path.clone(), leaves);
                            if *at == before {
                                *at += 1;
                            }
                        }
                    }
                }
            }
            Some("*") => {
                *at += 1;
                let mut glob = path.clone();
                glob.push("*".to_string());
                leaves.push((glob, None));
                return;
            }
            Some("self") if !path.is_empty() => {
                *at += 1;
                let alias = alias(text, at);
                leaves.push((path, alias));
                return;
            }
            Some(word) if is_word(word) => {
                path.push(word.to_string());
                *at += 1;
                if text.get(*at) == Some(&"::") {
                    *at += 1;
                    continue;
                }
                let alias = alias(text, at);
                leaves.push((path, alias));
                return;
            }
            _ => return,
        }
    }
}

fn alias(text: &[&str], at: &mut usize) -> Option<String> {
    if text.get(*at) == Some(&"as") {
        let name = text.get(*at + 1).map(|s| s.to_string());
        *at += 2;
        return name.filter(|n| n != "_");
    }
    None
}

/// A path as named in `module`, from the crate root; `None` for other crates.
fn from_root(
    module: &[String],
    raw: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let first = raw.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => {
            let mut base = module.to_vec();
            base.pop();
            base
        }
        child => {
            let mut candidate = module.to_vec();
            candidate.push(child.to_string());
            if !modules.contains(&candidate) {
                return None;
            }
            module.to_vec()
        }
    };
    let mut rest = match first.as_str() {
        "crate" | "self" | "super" => raw.get(1..).unwrap_or(&[]),
        _ => raw,
    };
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = rest.get(1..).unwrap_or(&[]);
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// Module dependencies between siblings, with the lines that make each.
struct Graph {
    /// `(from, to)` siblings → `file:line path` of every use that makes the edge.
    edges: BTreeMap<(Vec<String>, Vec<String>), Vec<String>>,
}

/// One group of sibling modules that all reach one another.
struct Cycle {
    /// The modules, sorted.
    members: Vec<Vec<String>>,
    /// The shortest cycle through each member (each cycle once), ending where it starts.
    loops: Vec<Vec<Vec<String>>>,
}

impl Graph {
    fn build(files: &[SourceFile]) -> Graph {
        let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
        let named: Vec<(&SourceFile, Vec<Named>)> = files
            .iter()
            .map(|f| (f, named_paths(f, &modules)))
            .collect();
        // (module, name) → the path it re-exports.
        let mut exports: BTreeMap<(Vec<String>, String), Vec<String>> = BTreeMap::new();
        for (_, paths) in &named {
            for n in paths {
                if let Some(name) = &n.exported_as {
                    exports.insert((n.from.clone(), name.clone()), n.path.clone());
                }
            }
        }
        let mut edges: BTreeMap<(Vec<String>, Vec<String>), Vec<String>> = BTreeMap::new();
        for (file, paths) in &named {
            for n in paths {
                let target = resolve(&n.path, &modules, &exports);
                let from = &n.from;
                let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
                if common == from.len() || common == target.len() {
                    continue; // the module itself, an ancestor or a descendant
                }
                let key = (from[..=common].to_vec(), target[..=common].to_vec());
                edges.entry(key).or_default().push(format!(
                    "{}:{} {}",
                    file.name,
                    n.line,
                    n.path.join("::")
                ));
            }
        }
        Graph { edges }
    }

    fn edge_count(&self) -> usize {
        self.edges.len()
    }

    fn evidence(&self, from: &[String], to: &[String]) -> Vec<String> {
        self.edges
            .get(&(from.to_vec(), to.to_vec()))
            .cloned()
            .unwrap_or_default()
    }

    fn next(&self, from: &[String]) -> Vec<Vec<String>> {
        self.edges
            .keys()
            .filter(|(f, _)| f.as_slice() == from)
            .map(|(_, t)| t.clone())
            .collect()
    }

    /// Every group of siblings that reach one another, each with a cycle through it.
    fn cycles(&self) -> Vec<Cycle> {
        let nodes: BTreeSet<Vec<String>> = self
            .edges
            .keys()
            .flat_map(|(f, t)| [f.clone(), t.clone()])
            .collect();
        let reach = |start: &Vec<String>| {
            let mut seen: BTreeSet<Vec<String>> = BTreeSet::new();
            let mut todo = vec![start.clone()];
            while let Some(n) = todo.pop() {
                for m in self.next(&n) {
                    if seen.insert(m.clone()) {
                        todo.push(m);
                    }
                }
            }
            seen
        };
        let reachable: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> =
            nodes.iter().map(|n| (n.clone(), reach(n))).collect();
        let mut done: BTreeSet<Vec<String>> = BTreeSet::new();
        let mut cycles = Vec::new();
        for n in &nodes {
            if done.contains(n) || !reachable[n].contains(n) {
                continue;
            }
            let members: Vec<Vec<String>> = nodes
                .iter()
                .filter(|m| reachable[n].contains(*m) && reachable[*m].contains(n))
                .cloned()
                .collect();
            done.extend(members.iter().cloned());
            let mut loops: Vec<Vec<Vec<String>>> = Vec::new();
            for member in &members {
                let walk = self.shortest_cycle(member, &members);
                let mut key = walk[..walk.len() - 1].to_vec();
                key.sort();
                if !loops.iter().any(|l| {
                    let mut k = l[..l.len() - 1].to_vec();
                    k.sort();
                    k == key
                }) {
                    loops.push(walk);
                }
            }
            cycles.push(Cycle { members, loops });
        }
        cycles
    }

    /// The shortest walk from `start` back to itself inside the group.
    fn shortest_cycle(&self, start: &Vec<String>, members: &[Vec<String>]) -> Vec<Vec<String>> {
        let mut back: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.clone()]);
        while let Some(n) = queue.pop_front() {
            for m in self.next(&n) {
                if !members.contains(&m) || back.contains_key(&m) {
                    continue;
                }
                back.insert(m.clone(), n.clone());
                if &m == start {
                    let mut walk = vec![m.clone()];
                    let mut at = m;
                    loop {
                        at = back[&at].clone();
                        walk.push(at.clone());
                        if &at == start {
                            break;
                        }
                    }
                    walk.reverse();
                    return walk;
                }
                queue.push_back(m);
            }
        }
        vec![start.clone(), start.clone()]
    }
}

/// The module that defines what `path` names: the longest module prefix, followed through
/// `pub use` re-exports.
fn resolve(
    path: &[String],
    modules: &BTreeSet<Vec<String>>,
    exports: &BTreeMap<(Vec<String>, String), Vec<String>>,
) -> Vec<String> {
    let mut path = path.to_vec();
    for _ in 0..16 {
        let module_len = (0..=path.len())
            .rev()
            .find(|n| modules.contains(&path[..*n].to_vec()))
            .unwrap_or(0);
        let module = path[..module_len].to_vec();
        let Some(name) = path.get(module_len) else {
            return module;
        };
        match exports.get(&(module.clone(), name.clone())) {
            Some(target) if target != &path[..=module_len] => {
                let mut next = target.clone();
                next.extend(path[module_len + 1..].iter().cloned());
                path = next;
            }
            _ => return module,
        }
    }
    path
}

fn show(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.join("::")
    }
}

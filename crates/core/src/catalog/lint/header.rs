//! Rule 1, the header: the current format, and an id, a name and a version.

use super::context::{Ctx, Sink};
use super::wording::is_blank;
use crate::catalog::model::CATALOG_FORMAT;

pub(super) fn header(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    let data = cx.data;
    if data.format != CATALOG_FORMAT {
        out.at(
            "format",
            format!(
                "format is {}, but this version of Scopecraft reads format {CATALOG_FORMAT}; \
                 set format = {CATALOG_FORMAT} after converting the file",
                data.format
            ),
        );
    }
    let required = [
        ("id", &data.id, "a stable identifier such as \"gitlab-ps\""),
        ("name", &data.name, "a display name"),
        (
            "version",
            &data.version,
            "the catalog's own version such as \"2022.11\"",
        ),
    ];
    for (field, value, expected) in required {
        if is_blank(value) {
            out.at(
                field,
                format!("{field} is empty; give the catalog {expected}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edits, find, lint_text};

    #[test]
    fn header_needs_the_current_format_and_names() {
        let text = edits(&[
            ("format = 1", "format = 2"),
            ("name = \"Test catalog\"", "name = \"\""),
            ("version = \"1\"", "version = \" \""),
        ]);
        let issues = lint_text(&text);
        let format = find(&issues, "format", "format is 2");
        assert!(format.message.contains("reads format 1"));
        assert_eq!(format.line, Some(1));
        assert_eq!(find(&issues, "name", "name is empty").line, Some(3));
        assert_eq!(find(&issues, "version", "version is empty").line, Some(4));
        assert!(!issues.iter().any(|i| i.field == "id"));
    }
}

//! The one rule for a label's text: GitLab takes labels comma-separated (API) and quoted in
//! a `/label ~"…"` quick action, so a label must survive both.

/// What makes `label` unusable as a GitLab label sent comma-separated or in a `/label`
/// quick action; `None` when it is fine.
pub(crate) fn label_problem(label: &str) -> Option<&'static str> {
    if label.trim().is_empty() {
        Some("is empty")
    } else if label.contains(',') {
        Some("contains a comma, which would split it in two: labels are sent comma-separated")
    } else if label.contains('"') {
        Some("contains a double quote, which would end it early in a /label quick action")
    } else if label.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::label_problem;

    #[test]
    fn labels_survive_commas_and_quick_actions() {
        assert_eq!(label_problem("Segment::Enterprise"), None);
        assert_eq!(label_problem("Public Sector US"), None);
        assert_eq!(label_problem(" "), Some("is empty"));
        for (bad, why) in [
            ("a,b", "comma"),
            ("a\"b", "double quote"),
            ("a\nb", "control"),
        ] {
            assert!(
                label_problem(bad).unwrap_or_default().contains(why),
                "{bad:?}"
            );
        }
    }
}

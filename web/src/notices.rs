//! The notices the app shows above every page, as plain data: something happened that the
//! user must know about (another tab changed the scope, a save failed, a save could not be
//! read, a new version arrived). Each kind is shown at most once; the user closes it.

use crate::saves::{Saved, UnreadableSave};

/// One notice above the page.
#[derive(Debug, Clone, PartialEq)]
pub enum AppNotice {
    /// Another tab saved a change, and this tab took it.
    FromOtherTab,
    /// The browser refused to save the scope (storage full or turned off).
    NotSaved,
    /// A save could not be read and was set aside.
    Unreadable(UnreadableSave),
    /// The catalog opened from a file could not be kept for the next visit.
    CatalogNotKept,
    /// This visit runs a newer build than the last one.
    Updated,
}

impl AppNotice {
    /// Its element id, which is also its identity: one notice of each kind at a time.
    pub fn id(&self) -> &'static str {
        match self {
            AppNotice::FromOtherTab => "notice-other-tab",
            AppNotice::NotSaved => "notice-not-saved",
            AppNotice::Unreadable(save) => match save.what {
                Saved::Scope => "notice-unreadable-scope",
                Saved::Catalog => "notice-unreadable-catalog",
            },
            AppNotice::CatalogNotKept => "notice-catalog-not-kept",
            AppNotice::Updated => "notice-updated",
        }
    }

    /// Whether it reports a failure (shown as an alert) rather than news.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            AppNotice::NotSaved | AppNotice::Unreadable(_) | AppNotice::CatalogNotKept
        )
    }
}

/// Adds `notice` to `notices`, in place of one of the same kind.
pub fn add_notice(notices: &mut Vec<AppNotice>, notice: AppNotice) {
    match notices.iter_mut().find(|n| n.id() == notice.id()) {
        Some(same) => *same = notice,
        None => notices.push(notice),
    }
}

/// Whether writing `what` must wait: an unreadable save of it is still in its place.
pub fn blocks_writes(notices: &[AppNotice], what: Saved) -> bool {
    notices.iter().any(|notice| match notice {
        AppNotice::Unreadable(save) => save.what == what && save.kept_under.is_none(),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;

    fn unreadable(kept_under: Option<&str>) -> AppNotice {
        AppNotice::Unreadable(UnreadableSave {
            what: Saved::Scope,
            text: Rc::from("{"),
            reason: "not valid JSON".into(),
            kept_under: kept_under.map(String::from),
        })
    }

    #[test]
    fn one_notice_of_each_kind() {
        let mut notices = Vec::new();
        add_notice(&mut notices, AppNotice::NotSaved);
        add_notice(&mut notices, AppNotice::FromOtherTab);
        add_notice(&mut notices, AppNotice::NotSaved);
        assert_eq!(notices, [AppNotice::NotSaved, AppNotice::FromOtherTab]);
        add_notice(&mut notices, unreadable(None));
        add_notice(&mut notices, unreadable(Some("k")));
        assert_eq!(notices.len(), 3);
        assert_eq!(notices[2], unreadable(Some("k")));
        assert!(notices[2].is_failure() && !notices[1].is_failure());
    }

    #[test]
    fn an_unreadable_save_left_in_place_blocks_writes_to_it() {
        assert!(blocks_writes(&[unreadable(None)], Saved::Scope));
        assert!(!blocks_writes(&[unreadable(None)], Saved::Catalog));
        assert!(!blocks_writes(&[unreadable(Some("k"))], Saved::Scope));
        assert!(!blocks_writes(&[AppNotice::NotSaved], Saved::Scope));
    }
}

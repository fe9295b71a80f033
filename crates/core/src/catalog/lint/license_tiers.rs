//! The licence tiers: every `[[license_tiers]]` entry has a name (empty and repeated ids are
//! checked with the other lists' ids, in `duplicates.rs`), and every tier an offering, the
//! `license_minimum` or (in `questions.rs`) the licence question names is one of the
//! catalog's tiers (its own list, or GitLab's when it has none).

use super::context::{Ctx, Sink};
use super::wording::is_blank;
use crate::catalog::model::LicenseTier;

pub(super) fn license_tiers(cx: &Ctx<'_>, out: &mut Sink<'_>) {
    // Empty and repeated ids are rule 3's (`duplicates.rs`), as for every other list of ids.
    for (t, tier) in cx.data.license_tiers.iter().enumerate() {
        if is_blank(&tier.name) {
            out.at(
                format!("license_tiers[{t}].name"),
                "name is empty; give the tier the name people see".to_string(),
            );
        }
    }
    let known = |tier: &LicenseTier| cx.data.license_rank(tier.as_str()).is_some();
    let ids: Vec<String> = cx
        .data
        .license_tier_list()
        .iter()
        .map(|t| format!("{:?}", t.id))
        .collect();
    let unknown = |tier: &LicenseTier| {
        format!(
            "unknown licence tier {:?}; the catalog's tiers are {}",
            tier.as_str(),
            ids.join(", ")
        )
    };
    for (i, offering) in cx.data.offerings.iter().enumerate() {
        let prerequisites = &offering.prerequisites;
        for (field, tier) in [
            ("prerequisites.license_tier", &prerequisites.license_tier),
            (
                "prerequisites.recommended_license_tier",
                &prerequisites.recommended_license_tier,
            ),
        ] {
            if let Some(tier) = tier.as_ref().filter(|t| !known(t)) {
                out.offering(i, offering, field, unknown(tier));
            }
        }
    }
    if let Some(minimum) = cx.data.license_minimum.as_ref().filter(|m| !known(&m.tier)) {
        out.at("license_minimum.tier", unknown(&minimum.tier));
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{find, lint_text, scoping_edits};

    /// GL-CICD (offerings[3]) requires `required` and is recommended for `recommended`; the
    /// catalog's minimum is `minimum`.
    fn with_tiers(required: &str, recommended: &str, minimum: &str, list: &str) -> String {
        scoping_edits(&[
            (
                "license_question = \"tier\"\n",
                &format!(
                    "license_question = \"tier\"\nlicense_minimum = {{ tier = \"{minimum}\", reason = \"No services below it.\" }}\n"
                ),
            ),
            (
                "prerequisites = { skus = [\"GL-BAS-R\"] }",
                &format!(
                    "prerequisites = {{ skus = [\"GL-BAS-R\"], license_tier = \"{required}\", recommended_license_tier = \"{recommended}\" }}"
                ),
            ),
            (
                "[[questions]]\nid = \"tier\"",
                &format!("{list}[[questions]]\nid = \"tier\""),
            ),
        ])
    }

    #[test]
    fn without_a_list_the_tiers_are_gitlabs() {
        let issues = lint_text(&with_tiers("premium", "ultimate", "premium", ""));
        assert!(issues.is_empty(), "{issues:#?}");
        let issues = lint_text(&with_tiers("gold", "platinum", "bronze", ""));
        let tiers = "the catalog's tiers are \"free\", \"premium\", \"ultimate\"";
        find(
            &issues,
            "offerings[3].prerequisites.license_tier",
            &format!("unknown licence tier \"gold\"; {tiers}"),
        );
        find(
            &issues,
            "offerings[3].prerequisites.recommended_license_tier",
            "unknown licence tier \"platinum\"",
        );
        find(
            &issues,
            "license_minimum.tier",
            "unknown licence tier \"bronze\"",
        );
        assert_eq!(issues.len(), 3, "{issues:#?}");
    }

    #[test]
    fn tier_ids_are_unique_named_and_known_to_offerings_and_the_question() {
        let list = "[[license_tiers]]\nid = \"free\"\nname = \"Free\"\n\n[[license_tiers]]\nid = \"gold\"\nname = \"\"\n\n[[license_tiers]]\nid = \"free\"\nname = \"Free again\"\n\n";
        let issues = lint_text(&with_tiers("gold", "premium", "gold", list));
        find(&issues, "license_tiers[1].name", "name is empty");
        find(
            &issues,
            "license_tiers[2].id",
            "duplicate licence tier id \"free\": license_tiers[0] (line",
        );
        // premium is no tier of this catalog, for the offering and the licence question.
        find(
            &issues,
            "offerings[3].prerequisites.recommended_license_tier",
            "unknown licence tier \"premium\"; the catalog's tiers are \"free\", \"gold\", \"free\"",
        );
        find(
            &issues,
            "license_question",
            "the choices must be licence tiers of license_tiers (free, gold, free)",
        );
        assert_eq!(issues.len(), 4, "{issues:#?}");
    }
}

//! Offerings included with another (`includes`): at least one to choose, no more than the
//! list offers, every listed SKU a known offering other than this one, none listed twice,
//! none that itself includes others. (The public projection drops non-public ones from the
//! list, as it does prerequisites.)

use super::context::{Ctx, Sink};
use crate::catalog::model::Offering;

pub(super) fn includes(cx: &Ctx<'_>, out: &mut Sink<'_>, index: usize, offering: &Offering) {
    let Some(includes) = &offering.includes else {
        return;
    };
    if includes.choose == 0 {
        out.offering(
            index,
            offering,
            "includes.choose",
            "choose is 0; an offering includes at least one item, or leave `includes` out"
                .to_string(),
        );
    } else if includes.choose as usize > includes.from.len() {
        out.offering(
            index,
            offering,
            "includes.choose",
            format!(
                "choose is {}, but `from` lists only {}; list at least as many SKUs as are included",
                includes.choose,
                includes.from.len()
            ),
        );
    }
    for (n, sku) in includes.from.iter().enumerate() {
        let field = format!("includes.from[{n}]");
        let message = match cx.offering(sku) {
            None => Some(format!(
                "unknown SKU {sku:?}; list offerings of this catalog"
            )),
            Some(_) if *sku == offering.sku => Some(format!("{sku} cannot include itself")),
            Some(_) if includes.from.iter().take(n).any(|s| s == sku) => {
                Some(format!("{sku} is listed twice"))
            }
            Some((_, other)) if other.includes.is_some() => Some(format!(
                "{sku} itself includes other offerings; an included item cannot include more"
            )),
            Some(_) => None,
        };
        if let Some(message) = message {
            out.offering(index, offering, &field, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::lint::test_support::{edit, find, lint_text};

    const XPRT: &str = "pricing = { model = \"blocks\", hours_per_block = 48 }";

    fn with_includes(includes: &str) -> String {
        edit(XPRT, &format!("includes = {includes}\n{XPRT}"))
    }

    #[test]
    fn a_valid_list_passes() {
        let text = with_includes(
            "{ choose = 2, from = [\"GL-BAS-R\", \"GL-CICD\", \"TM\"], label = \"classes\" }",
        );
        let issues = lint_text(&text);
        assert!(
            !issues.iter().any(|i| i.field.contains("includes")),
            "{issues:#?}"
        );
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let text = with_includes(
            "{ choose = 5, from = [\"GL-BAS-R\", \"NOPE\", \"GL-XPRT\", \"GL-BAS-R\"] }",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[4].includes.choose",
            "choose is 5, but `from` lists only 4",
        );
        find(
            &issues,
            "offerings[4].includes.from[1]",
            "unknown SKU \"NOPE\"",
        );
        find(
            &issues,
            "offerings[4].includes.from[2]",
            "GL-XPRT cannot include itself",
        );
        find(
            &issues,
            "offerings[4].includes.from[3]",
            "GL-BAS-R is listed twice",
        );
        let issues = lint_text(&with_includes("{ choose = 0, from = [\"GL-BAS-R\"] }"));
        find(&issues, "offerings[4].includes.choose", "choose is 0");
    }
}

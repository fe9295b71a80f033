//! Rule 7, bands: contiguous, ascending, only the last open-ended; for tiered pricing, the
//! bands also cover `min_quantity` to `max_quantity`.

use super::context::Sink;
use super::wording::range_label;
use crate::catalog::model::{Band, Offering};
use crate::money::thousands;

/// What is wrong with a list of bands at `path`: `(field, message)` pairs. Bands must be
/// non-empty, each `from <= to`, contiguous without overlap or gap, and only the last may be
/// open-ended. Band numbers in messages are 1-based; paths are 0-based.
pub(super) fn band_problems(path: &str, bands: &[Band]) -> Vec<(String, String)> {
    let Some(last) = bands.len().checked_sub(1) else {
        return vec![(
            path.to_string(),
            "no bands; add at least one, e.g. { from = 1, to = 500 }".to_string(),
        )];
    };
    let mut problems = Vec::new();
    for (k, band) in bands.iter().enumerate() {
        let n = k + 1;
        let message = match band.to {
            Some(to) if to < band.from => format!(
                "band {n} runs from {} down to {}; from must not be above to",
                thousands(band.from),
                thousands(to)
            ),
            None if k != last => format!(
                "band {n} ({}) is open-ended but is not the last band; only the last band may \
                 leave out \"to\"",
                band.label()
            ),
            _ => continue,
        };
        problems.push((format!("{path}[{k}]"), message));
    }
    for (k, pair) in bands.windows(2).enumerate() {
        if let [previous, next] = pair
            && let Some(message) = band_pair(previous, next, k + 1)
        {
            problems.push((format!("{path}[{}]", k + 1), message));
        }
    }
    problems
}

/// Whether band `n + 1` (`next`) continues band `n` (`previous`) without overlap or gap.
fn band_pair(previous: &Band, next: &Band, n: usize) -> Option<String> {
    let end = previous.to?; // an open-ended band in the middle is reported on its own
    if end < previous.from || next.to.is_some_and(|to| to < next.from) {
        return None; // an inverted band is reported on its own
    }
    let m = n + 1;
    let expected = end.checked_add(1);
    if Some(next.from) == expected {
        return None;
    }
    let hint = match expected {
        Some(start) => format!("; band {m} should start at {}", thousands(start)),
        None => String::new(),
    };
    if next.from > end {
        let gap = range_label(end.saturating_add(1), next.from.saturating_sub(1));
        return Some(format!(
            "gap between bands {n} and {m}: {gap} is in no band{hint}"
        ));
    }
    let low = next.from.max(previous.from);
    let high = next.to.map_or(end, |to| to.min(end));
    if low <= high {
        Some(format!(
            "bands {n} and {m} overlap at {}{hint}",
            range_label(low, high)
        ))
    } else {
        Some(format!(
            "band {m} ({}) comes before band {n} ({}); list bands in ascending order",
            next.label(),
            previous.label()
        ))
    }
}

/// Rule 7 for tiered pricing: bands plus their fit with `min_quantity`/`max_quantity`.
pub(super) fn tiered(
    out: &mut Sink<'_>,
    i: usize,
    o: &Offering,
    bands: &[Band],
    min: Option<u64>,
    max: Option<u64>,
) {
    for (field, message) in band_problems("pricing.bands", bands) {
        out.offering(i, o, &field, message);
    }
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        out.offering(
            i,
            o,
            "pricing.max_quantity",
            format!(
                "max_quantity {} is below min_quantity {}; no quantity could be sold",
                thousands(max),
                thousands(min)
            ),
        );
    }
    let start = min.unwrap_or(1);
    if let Some(first) = bands.first()
        && first.from != start
    {
        let why = match min {
            Some(_) => format!("min_quantity is {}", thousands(start)),
            None => "min_quantity is not set, so sales start at 1".to_string(),
        };
        out.offering(
            i,
            o,
            "pricing.bands[0]",
            format!(
                "the first band starts at {}, but {why}; start the first band at {}",
                thousands(first.from),
                thousands(start)
            ),
        );
    }
    if let (Some(max), Some(last)) = (max, bands.last())
        && let Some(end) = last.to
        && end < max
        && end >= last.from
    {
        out.offering(
            i,
            o,
            &format!("pricing.bands[{}]", bands.len().saturating_sub(1)),
            format!(
                "the last band ends at {}, but max_quantity is {}, so {} would have no price; \
                 extend the last band to {} or leave out its \"to\"",
                thousands(end),
                thousands(max),
                range_label(end.saturating_add(1), max),
                thousands(max)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::band_problems;
    use crate::catalog::lint::test_support::{edit, find, line_of, lint_text};
    use crate::catalog::model::Band;

    #[test]
    fn tier_bands_report_overlaps_and_gaps_distinctly() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = [{ from = 1, to = 100 }, { from = 101, to = 600 }, { from = 501, to = 1000 }, { from = 1100 }]",
        );
        let issues = lint_text(&text);
        let overlap = find(
            &issues,
            "offerings[5].pricing.bands[2]",
            "bands 2 and 3 overlap at 501–600",
        );
        assert!(overlap.message.contains("band 3 should start at 601"));
        assert_eq!(overlap.line, Some(line_of(&text, "from = 1100")));
        let gap = find(
            &issues,
            "offerings[5].pricing.bands[3]",
            "gap between bands 3 and 4: 1,001–1,099 is in no band",
        );
        assert!(gap.message.contains("band 4 should start at 1,001"));
    }

    #[test]
    fn bands_must_be_ordered_closed_and_non_empty() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = [{ from = 1 }, { from = 10, to = 5 }]",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "band 1 (1+) is open-ended but is not the last band",
        );
        find(
            &issues,
            "offerings[5].pricing.bands[1]",
            "band 2 runs from 10 down to 5",
        );

        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = []",
        );
        find(&lint_text(&text), "offerings[5].pricing.bands", "no bands");
    }

    #[test]
    fn tier_bands_cover_min_to_max_quantity() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }] }",
            "bands = [{ from = 1, to = 500 }, { from = 501, to = 1000 }], min_quantity = 5, max_quantity = 2000 }",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "the first band starts at 1, but min_quantity is 5",
        );
        find(
            &issues,
            "offerings[5].pricing.bands[1]",
            "the last band ends at 1,000, but max_quantity is 2,000, so 1,001–2,000 would have no price",
        );

        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }] }",
            "bands = [{ from = 2, to = 500 }, { from = 501 }], min_quantity = 9, max_quantity = 3 }",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.max_quantity",
            "max_quantity 3 is below min_quantity 9",
        );
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "the first band starts at 2, but min_quantity is 9",
        );
    }

    #[test]
    fn first_tier_band_starts_at_one_without_min_quantity() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501 }]",
            "bands = [{ from = 0, to = 500 }, { from = 501 }]",
        );
        let issues = lint_text(&text);
        find(
            &issues,
            "offerings[5].pricing.bands[0]",
            "min_quantity is not set, so sales start at 1",
        );
    }

    #[test]
    fn range_table_axes_are_checked_as_bands() {
        let text = edit(
            "bands = [{ from = 1, to = 500 }, { from = 501, to = 1000 }] }",
            "bands = [{ from = 1, to = 500 }, { from = 400, to = 300 }] }",
        );
        let issues = lint_text(&text);
        let issue = find(
            &issues,
            "offerings[6].pricing.rows.bands[1]",
            "band 2 runs from 400 down to 300",
        );
        assert_eq!(issue.line, Some(line_of(&text, "to = 300")));
    }

    #[test]
    fn band_problems_in_isolation() {
        let band = |from, to| Band { from, to };
        assert!(
            band_problems("b", &[band(1, Some(5)), band(6, Some(9)), band(10, None)]).is_empty()
        );
        assert_eq!(
            band_problems("b", &[band(10, Some(20)), band(1, Some(5))]),
            vec![(
                "b[1]".to_string(),
                "band 2 (1–5) comes before band 1 (10–20); list bands in ascending order"
                    .to_string()
            )]
        );
        assert_eq!(
            band_problems("b", &[band(1, Some(5)), band(7, None)]),
            vec![(
                "b[1]".to_string(),
                "gap between bands 1 and 2: 6 is in no band; band 2 should start at 6".to_string()
            )]
        );
        // The largest band end does not overflow.
        let problems = band_problems("b", &[band(1, Some(u64::MAX)), band(5, None)]);
        assert_eq!(problems.len(), 1);
        assert!(
            problems
                .iter()
                .all(|(_, m)| m.starts_with("bands 1 and 2 overlap"))
        );
    }
}
